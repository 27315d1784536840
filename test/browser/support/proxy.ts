/**
 * The network of the WebKit session (WebDriver has no request interception): MiniBrowser goes
 * through this proxy, which records every request, lets localhost through, answers the Office CDN
 * itself (TLS with a throwaway certificate, which the browser is told to accept) and refuses
 * anything else. Into each HTML page from localhost it puts a small script first in <head>
 * (`INSTRUMENT`) that records the page's uncaught errors and the files it offers for download.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { cdnAnswer, isLocal, OFFICE_CDN, type OfficeAnswer } from './session';

const CDN_HOST = new URL(OFFICE_CDN).host;

/** Runs first in every page of localhost (WebKit only; playwright has events for both). */
const INSTRUMENT = `<script>(function () {
  var errors = (window.__thiduaPageErrors = []);
  window.addEventListener('error', function (e) { errors.push(String(e.error && e.error.message ? e.error.message : e.message)); });
  window.addEventListener('unhandledrejection', function (e) { errors.push(String(e.reason && e.reason.message ? e.reason.message : e.reason)); });
  // A file offered with <a download>: taken here (bytes as base64) rather than left to the web view.
  var downloads = (window.__thiduaDownloads = []);
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[download]') : null;
    if (!a || !a.href) return;
    e.preventDefault();
    var entry = { name: a.getAttribute('download') || '', done: false };
    downloads.push(entry);
    fetch(a.href).then(function (r) { return r.arrayBuffer(); }).then(function (buf) {
      var bytes = new Uint8Array(buf), bin = '';
      for (var i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
      entry.base64 = btoa(bin);
      entry.done = true;
    }, function (err) { entry.error = String(err); entry.done = true; });
  }, true);
})();</script>`;

function inject(html: string): string {
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + INSTRUMENT + html.slice(head.index + head[0].length);
  return INSTRUMENT + html;
}

let certificate: { key: Buffer; cert: Buffer } | undefined;

/** A self-signed certificate for the CDN's host name, made once per process with openssl. */
function cdnCertificate(): { key: Buffer; cert: Buffer } {
  if (certificate) return certificate;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-cdn-cert-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', `/CN=${CDN_HOST}`, '-addext', `subjectAltName=DNS:${CDN_HOST}`, '-days', '2', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')],
      { stdio: 'pipe' },
    );
    certificate = { key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) };
    return certificate;
  } catch (e) {
    throw new Error(`openssl could not make the test certificate for the Office CDN (apt-get install openssl): ${(e as Error).message}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface Proxy {
  url: string;
  close(): Promise<void>;
}

export async function startProxy(requests: string[], office: () => OfficeAnswer): Promise<Proxy> {
  const { key, cert } = cdnCertificate();
  const cdn = https.createServer({ key, cert }, (req, res) => {
    const url = `https://${CDN_HOST}${req.url ?? '/'}`;
    requests.push(url);
    const answer = cdnAnswer(office(), url);
    if (answer === 'unreachable' || !answer) {
      req.socket.destroy();
      return;
    }
    // office.js loads its siblings with crossorigin="anonymous": the CDN allows any origin.
    res.writeHead(answer.status, { 'content-type': answer.type, 'cache-control': 'no-store', 'access-control-allow-origin': '*' }).end(answer.body);
  });
  const server = http.createServer((req, res) => {
    const url = req.url ?? '';
    requests.push(url);
    if (!isLocal(url)) {
      res.writeHead(403).end();
      return;
    }
    const target = new URL(url);
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    delete headers['accept-encoding'];
    const upstream = http.request({ host: '127.0.0.1', port: target.port || 80, method: req.method, path: `${target.pathname}${target.search}`, headers }, (up) => {
      const type = String(up.headers['content-type'] ?? '');
      if (!type.startsWith('text/html')) {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      up.on('data', (c: Buffer) => chunks.push(c));
      up.on('end', () => {
        const body = Buffer.from(inject(Buffer.concat(chunks).toString('utf8')), 'utf8');
        res.writeHead(up.statusCode ?? 502, { ...up.headers, 'content-length': body.length }).end(body);
      });
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, socket: import('net').Socket) => {
    const target = req.url ?? '';
    if (target === `${CDN_HOST}:443`) {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      cdn.emit('connection', socket);
      return;
    }
    requests.push(`https://${target.replace(/:443$/, '')}/`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        cdn.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
