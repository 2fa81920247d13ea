/**
 * zod, set up once for every context Canh Tin runs in. Schemas are compiled
 * without `new Function`: extension pages' CSP forbids it, and in a content
 * script it would trip the web page's CSP (and its violation reports).
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
