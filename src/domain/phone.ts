/**
 * Normalise a Vietnamese phone number to E.164 (`+84…`); null when it is not one.
 *
 * @example normalizePhone("0912 345 678") // "+84912345678"
 * @example normalizePhone("84912345678") // "+84912345678"
 */
export function normalizePhone(input: string): string | null {
  const digits = input.replace(/[\s().-]/g, "");
  let national: string;
  if (/^\+84\d+$/.test(digits)) national = digits.slice(3);
  else if (/^0084\d+$/.test(digits)) national = digits.slice(4);
  else if (/^84\d{9}$/.test(digits)) national = digits.slice(2);
  else if (/^0\d+$/.test(digits)) national = digits.slice(1);
  else return null;
  national = national.replace(/^0/, "");
  // Since 2017–2018: mobiles have 9 national digits (0912 345 678), landlines 10 (0205 3870 123).
  if (!/^\d{9,10}$/.test(national)) return null;
  return `+84${national}`;
}
