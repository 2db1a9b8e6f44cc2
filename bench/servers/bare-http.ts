import http from 'node:http';

// The baseline: the least a Node HTTP server can do per request, measured with the same client.
const server = http.createServer((_req, res) => {
  const body = '{"hello":"world"}';
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  process.send?.({ port: typeof addr === 'object' && addr ? addr.port : 0 });
});
process.on('disconnect', () => process.exit(0));
