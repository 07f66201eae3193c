// An id in a URL, a query or a body: a UUID in either letter case, kept in lower case, the form
// Postgres gives back and every answer uses. Postgres would match an id in capitals anyway, but
// whatever is keyed by the id as sent (the statuses map, a set of ids) would then hold it twice.
import { z } from 'zod';

export const uuidField = (message: string) => z.uuid({ error: message }).toLowerCase();
