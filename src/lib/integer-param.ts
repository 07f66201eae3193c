// A whole number from the address (?page=2, ?wait=20): decimal digits and nothing else. Number()
// and z.coerce also read "0x10", "1e3", "0b11", "+7", " 7" and "Infinity" as numbers, so an
// address could say one thing and mean another. A fraction ("1.5") or a minus sign ("-1") is a
// number written in digits, so it gets the sharper message (whole number, range) instead.
import { z } from 'zod';

type Bounds = { min: number; max: number };
type Messages = { digits: string; whole: string; min: string; max: string };

// Absent or empty (`?page=`): `fallback` when one is given, else undefined.
export function integerParam(bounds: Bounds & { fallback: number }, messages: Messages): z.ZodType<number>;
export function integerParam(bounds: Bounds, messages: Messages): z.ZodType<number | undefined>;
export function integerParam({ min, max, fallback }: Bounds & { fallback?: number }, messages: Messages): z.ZodType<number | undefined> {
  const digits = z
    .string({ error: messages.digits })
    .regex(/^-?\d+(?:\.\d+)?$/, { error: messages.digits, abort: true })
    .regex(/^-?\d+$/, { error: messages.whole, abort: true })
    .transform(Number)
    .pipe(z.number().min(min, messages.min).max(max, messages.max));
  return z.preprocess((value) => (value === '' ? undefined : value), fallback === undefined ? digits.optional() : digits.default(fallback));
}
