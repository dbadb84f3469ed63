// Preloaded (NODE_OPTIONS=--require) into every node process of a CLI test: the cdktf CLI, the app
// it synthesizes (the stand-in terraform is a shell script). Any attempt to resolve a host name or open a TCP
// connection is appended to the file named by NO_NETWORK_LOG and fails, so a test can assert that
// nothing tried to reach a network. Local IPC (a socket path) stays allowed: node-pty uses it.
/* global require */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS preloaded by plain node */
'use strict';
const dns = require('dns');
const fs = require('fs');
const net = require('net');

function record(kind, target) {
  if (process.env.NO_NETWORK_LOG) {
    fs.appendFileSync(process.env.NO_NETWORK_LOG, JSON.stringify({ pid: process.pid, argv: process.argv.slice(1, 3), kind, target }) + '\n');
  }
  const error = new Error(`network access blocked in this test: ${kind} ${target}`);
  error.code = 'ENETUNREACH';
  return error;
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function blockedConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === 'object' && first !== null ? first : { port: first, host: args[1] };
  if (options.path !== undefined) {
    return connect.apply(this, args);
  }
  const error = record('connect', `${options.host ?? 'localhost'}:${options.port}`);
  process.nextTick(() => this.destroy(error));
  return this;
};

for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  const original = dns[name];
  dns[name] = function blockedLookup(host, ...rest) {
    const callback = rest[rest.length - 1];
    const error = record(`dns.${name}`, host);
    if (typeof callback === 'function') {
      process.nextTick(() => callback(error));
      return undefined;
    }
    return original.call(this, host, ...rest);
  };
  dns.promises[name] = async (host) => {
    throw record(`dns.promises.${name}`, host);
  };
}
