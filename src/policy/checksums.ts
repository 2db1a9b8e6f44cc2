// Check-digit algorithms shared by the built-in detectors and by the validators a policy pattern may name.
// Each takes the characters that carry the value (digits, or digits and letters for MOD 97) without separators.

/** Luhn (ISO/IEC 7812): payment card numbers. */
export function luhn(digits: string): boolean {
  if (digits.length < 2) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * ISO 7064 MOD 97-10 over digits and letters (A=10 … Z=35), computed piecewise so that numbers of any length
 * stay within safe integers. True when the remainder is 1, as for an IBAN after rearrangement.
 */
export function mod97(alnum: string): boolean {
  return mod97Remainder(alnum) === 1;
}

export function mod97Remainder(alnum: string): number {
  let rem = 0;
  for (let i = 0; i < alnum.length; i++) {
    const c = alnum.charCodeAt(i);
    if (c >= 48 && c <= 57) rem = (rem * 10 + (c - 48)) % 97;
    else {
      const u = c >= 97 && c <= 122 ? c - 32 : c;
      if (u < 65 || u > 90) return -1;
      rem = (rem * 100 + (u - 55)) % 97;
    }
  }
  return rem;
}

/** The IBAN check: the first four characters move to the end, then MOD 97-10 must leave 1. */
export function ibanChecksum(compact: string): boolean {
  if (compact.length < 5) return false;
  return mod97(compact.slice(4) + compact.slice(0, 4));
}

/** ISO 7064 MOD 11,10 (hybrid system): the last digit checks the ones before it. */
export function mod11_10(digits: string): boolean {
  if (digits.length < 2) return false;
  let product = 10;
  for (let i = 0; i < digits.length - 1; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    let sum = (d + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  let check = 11 - product;
  if (check === 10) check = 0;
  return check === digits.charCodeAt(digits.length - 1) - 48;
}

/** GTIN/EAN (weights 3 and 1 from the right): used to tell EAN-13 barcodes apart from 13-digit card numbers. */
export function gtin(digits: string): boolean {
  if (digits.length < 8) return false;
  let sum = 0;
  for (let i = digits.length - 2, w = 3; i >= 0; i--, w = 4 - w) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    sum += d * w;
  }
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(digits.length - 1) - 48;
}

/**
 * German tax identification number (Steuer-ID, § 139b AO): 11 digits, no leading zero; in the first ten
 * digits exactly one digit occurs twice or three times and every other digit at most once, and no digit
 * stands three times in a row; the eleventh digit is the ISO 7064 MOD 11,10 check digit.
 */
export function germanTaxId(digits: string): boolean {
  if (digits.length !== 11 || digits.charCodeAt(0) === 48) return false;
  const counts = new Uint8Array(10);
  for (let i = 0; i < 10; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    counts[d]!++;
  }
  let repeated = 0;
  for (let d = 0; d < 10; d++) {
    const n = counts[d]!;
    if (n > 3) return false;
    if (n >= 2) repeated++;
  }
  if (repeated !== 1) return false;
  for (let i = 2; i < 10; i++) {
    if (digits[i] === digits[i - 1] && digits[i] === digits[i - 2]) return false;
  }
  return mod11_10(digits);
}
