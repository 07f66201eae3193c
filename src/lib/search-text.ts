// What a search box puts in the address (?q=…): trimmed, at most 200 characters, and refused as
// typed text is when it holds a NUL or another control character, which Postgres cannot compare
// (a message for the person instead of a 500). Client-safe, like the schemas that use it.
import { z } from 'zod';
import { cleanText } from './text-field';

export const SearchTextSchema = cleanText(z.string(), 'The search').trim().max(200, 'Search for at most 200 characters.');
