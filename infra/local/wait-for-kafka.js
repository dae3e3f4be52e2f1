#!/usr/bin/env node
// Waits until a Kafka broker answers an admin request (describeCluster).
// Usage: node infra/local/wait-for-kafka.js <host:port> [broker-pid]
// Env: KAFKA_WAIT_TIMEOUT_MS (default 90000).
// Exit codes: 0 ready, 1 timeout or broker process died, 2 kafkajs not installed.
'use strict';

let kafkajs;
try {
  kafkajs = require('kafkajs');
} catch {
  process.exit(2);
}
const { Kafka, logLevel } = kafkajs;

const broker = process.argv[2] || '127.0.0.1:9092';
const pid = Number(process.argv[3]) || 0;
const timeoutMs = Number(process.env.KAFKA_WAIT_TIMEOUT_MS || 90000);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(p) {
  try {
    process.kill(p, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

async function main() {
  const deadline = Date.now() + timeoutMs;
  // retries: 0 so each attempt fails fast and this loop owns the timing.
  const kafka = new Kafka({
    clientId: 'samad-wait-for-kafka',
    brokers: [broker],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 3000,
    retry: { retries: 0 },
    // kafka.sh KAFKA_SASL=1: the broker answers only an authenticated client (its super user).
    ...(process.env.KAFKA_WAIT_SASL === '1' && {
      sasl: {
        mechanism: 'scram-sha-512',
        username: process.env.KAFKA_WAIT_USER,
        password: process.env.KAFKA_WAIT_PASSWORD,
      },
    }),
  });
  let lastError = 'no attempt made';
  while (Date.now() < deadline) {
    if (pid && !alive(pid)) {
      console.error(`kafka: broker process ${pid} exited before becoming ready`);
      return 1;
    }
    const admin = kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length > 0) return 0;
      lastError = 'cluster reports no brokers yet';
    } catch (err) {
      lastError = err.message;
    } finally {
      await admin.disconnect().catch(() => {});
    }
    await sleep(500);
  }
  console.error(`kafka: broker ${broker} not ready after ${timeoutMs} ms (last error: ${lastError})`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`kafka: wait failed: ${err.stack || err}`);
    process.exit(1);
  },
);
