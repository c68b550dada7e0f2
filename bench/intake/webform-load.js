'use strict';
/**
 * HTTP load on the public web-form API: autocannon POSTs JSON to /api/v1/public/webform over
 * `connections` keep-alive connections, a fresh unique submission per request (setupRequest).
 * Counts only 2xx answers as recorded contacts and keeps a few non-2xx bodies to explain failures.
 */
const autocannon = require('autocannon');

const PATH = '/api/v1/public/webform';

/** `signal` stops the load early (an interrupted run), so the server can drain and stop. */
function runWebformLoad({ url, connections, seconds, stream, signal }) {
  const rejected = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        pipelining: 1,
        duration: seconds,
        timeout: 10,
        requests: [
          {
            method: 'POST',
            path: PATH,
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            setupRequest: (request) => ({ ...request, body: JSON.stringify(stream.next().body) }),
            onResponse: (status, body) => {
              if ((status < 200 || status > 299) && rejected.length < 3) rejected.push(`${status} ${String(body).slice(0, 300)}`);
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          seconds: result.duration,
          contacts: result['2xx'],
          contactsPerSecond: result['2xx'] / result.duration,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          statusCodes: result.statusCodeStats,
          rejected,
          latencyMs: {
            p50: result.latency.p50,
            p90: result.latency.p90,
            p99: result.latency.p99,
            max: result.latency.max,
            mean: Math.round(result.latency.mean * 100) / 100,
          },
        });
      },
    );
    signal?.addEventListener('abort', () => instance.stop(), { once: true });
  });
}

module.exports = { runWebformLoad, WEBFORM_PATH: PATH };
