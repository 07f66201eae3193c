// Request headers of the public cache, shared by the app and the web server (scripts/serve.ts).
// The bypass header skips the cache only when it carries PAGE_CACHE_BYPASS_TOKEN.
export const CACHE_BYPASS_HEADER = 'x-rehearse-cache-bypass';
