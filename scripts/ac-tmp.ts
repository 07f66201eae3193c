import autocannon from 'autocannon';
const result = await autocannon({ url: 'http://127.0.0.1:3217/topics/production-deployments-and-operations', connections: 20, duration: 3, timeout: 10 });
console.log(JSON.stringify({ r: result.requests.total, avg: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, e: result.errors, t: result.timeouts, n: result.non2xx, codes: [result['1xx'], result['2xx'], result['3xx'], result['4xx'], result['5xx']] }));
