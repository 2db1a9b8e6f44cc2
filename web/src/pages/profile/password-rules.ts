/** The server enforces the same minimum; checking it here spares a round trip and explains the rule. */
export const MIN_PASSWORD_LENGTH = 10;
