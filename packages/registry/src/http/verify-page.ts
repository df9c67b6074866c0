/**
 * The /verify page (issue #16): a 司机之家 or an insurer opens it on a phone, scans the member's
 * e-card QR code with the camera (BarcodeDetector, where the browser has it) or pastes / types the
 * code, and the page asks GET /v1/cards/verify. Chinese first, English with ?lang=en or the switch.
 * Nothing but the registry's own files and API: no third-party request, the camera for this page only.
 */

export const VERIFY_PAGE_POLICY: Record<string, string> = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob: mediastream:; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()',
}

export const VERIFY_PAGE_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>工会电子会员卡核验</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/verify/app.css">
</head>
<body>
<main>
  <header>
    <h1 id="title">工会电子会员卡核验</h1>
    <button type="button" id="lang" class="link">English</button>
  </header>
  <p id="intro">请会员出示电子会员卡二维码，用摄像头扫描，或把二维码内容粘贴到下面。</p>
  <section id="scan-box">
    <button type="button" id="scan" class="primary">扫描二维码</button>
    <p id="no-camera" hidden>此浏览器不支持扫码，请粘贴或输入二维码内容。</p>
    <video id="video" playsinline muted hidden></video>
    <button type="button" id="stop" hidden>停止扫描</button>
  </section>
  <section>
    <label for="payload" id="payload-label">二维码内容</label>
    <textarea id="payload" rows="4" autocomplete="off" spellcheck="false" placeholder="RUHUI1.…"></textarea>
    <button type="button" id="check" class="primary">核验</button>
  </section>
  <section id="result" aria-live="polite" hidden>
    <p id="verdict"></p>
    <dl>
      <dt id="l-union">所属工会</dt><dd id="union"></dd>
      <dt id="l-name">会员姓名</dt><dd id="name"></dd>
      <dt id="l-since">入会时间</dt><dd id="since"></dd>
      <dt id="l-number">会员卡号</dt><dd id="number"></dd>
      <dt id="l-checked">核验时间</dt><dd id="checked"></dd>
    </dl>
  </section>
  <p id="error" role="alert" hidden></p>
  <footer id="note">核验结果来自工会会员登记系统；姓名已脱敏显示。</footer>
</main>
<script src="/verify/app.js"></script>
</body>
</html>
`

export const VERIFY_PAGE_STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#f5f6f8;color:#1f2329}
main{max-width:520px;margin:0 auto;padding:16px}
header{display:flex;justify-content:space-between;align-items:center}
h1{font-size:20px;margin:8px 0}
section{background:#fff;border-radius:8px;padding:16px;margin:12px 0}
button{font:inherit;padding:10px 16px;border-radius:6px;border:1px solid #c9cdd4;background:#fff;min-height:44px}
button.primary{background:#c8161d;border-color:#c8161d;color:#fff;width:100%;margin-top:8px}
button.link{border:none;background:none;color:#1456f0;min-height:auto;padding:4px}
textarea{width:100%;font:14px/1.4 ui-monospace,monospace;padding:8px;border:1px solid #c9cdd4;border-radius:6px;word-break:break-all}
label{display:block;margin-bottom:6px;color:#4e5969}
video{width:100%;border-radius:6px;margin-top:8px;background:#000}
#verdict{font-size:22px;font-weight:600;margin:0 0 8px}
#result.valid #verdict{color:#00a870}
#result.revoked #verdict{color:#c8161d}
#result.unknown #verdict{color:#86909c}
dl{display:grid;grid-template-columns:6em 1fr;gap:4px 8px;margin:0}
dt{color:#86909c}
dd{margin:0;word-break:break-all}
#error{color:#c8161d}
footer{color:#86909c;font-size:13px}
`

export const VERIFY_PAGE_SCRIPT = `(function () {
  'use strict';
  var WORDS = {
    'zh-CN': {
      title: '工会电子会员卡核验', intro: '请会员出示电子会员卡二维码，用摄像头扫描，或把二维码内容粘贴到下面。',
      scan: '扫描二维码', stop: '停止扫描', noCamera: '此浏览器不支持扫码，请粘贴或输入二维码内容。', cameraDenied: '无法打开摄像头，请粘贴或输入二维码内容。',
      payload: '二维码内容', check: '核验', checking: '正在核验…', empty: '请先扫描或粘贴二维码内容。',
      valid: '有效：该会员卡有效', revoked: '已作废：该会员卡已失效', unknown: '无法识别：不是本系统签发的会员卡',
      union: '所属工会', name: '会员姓名', since: '入会时间', number: '会员卡号', checked: '核验时间',
      tooMany: '操作太频繁，请稍后再试。', network: '网络不通，请稍后再试。', failed: '核验失败：',
      note: '核验结果来自工会会员登记系统；姓名已脱敏显示。', other: 'English'
    },
    en: {
      title: 'Union e-card check', intro: 'Ask the member to show the e-card QR code; scan it with the camera, or paste its text below.',
      scan: 'Scan the QR code', stop: 'Stop scanning', noCamera: 'This browser cannot scan; paste or type the code instead.', cameraDenied: 'The camera could not be opened; paste or type the code instead.',
      payload: 'QR code text', check: 'Check', checking: 'Checking…', empty: 'Scan or paste the code first.',
      valid: 'Valid: this card is in force', revoked: 'Revoked: this card is no longer valid', unknown: 'Not recognised: not a card issued by this registry',
      union: 'Union', name: 'Member', since: 'Member since', number: 'Card number', checked: 'Checked at',
      tooMany: 'Too many checks; try again shortly.', network: 'No connection; try again shortly.', failed: 'The check failed: ',
      note: 'The answer comes from the union membership registry; the name is masked.', other: '中文'
    }
  };
  var params = new URLSearchParams(location.search);
  var lang = params.get('lang') === 'en' ? 'en' : 'zh-CN';
  var $ = function (id) { return document.getElementById(id); };
  var stream = null;
  var timer = null;

  function t(key) { return WORDS[lang][key]; }
  function render() {
    document.documentElement.lang = lang;
    document.title = t('title');
    $('title').textContent = t('title'); $('intro').textContent = t('intro'); $('scan').textContent = t('scan');
    $('stop').textContent = t('stop'); $('no-camera').textContent = t('noCamera'); $('payload-label').textContent = t('payload');
    $('check').textContent = t('check'); $('l-union').textContent = t('union'); $('l-name').textContent = t('name');
    $('l-since').textContent = t('since'); $('l-number').textContent = t('number'); $('l-checked').textContent = t('checked');
    $('note').textContent = t('note'); $('lang').textContent = t('other');
  }
  function showError(text) { var e = $('error'); e.textContent = text; e.hidden = !text; }
  function show(r) {
    var box = $('result');
    box.className = r.result; box.hidden = false;
    $('verdict').textContent = t(r.result);
    $('union').textContent = r.union_name || '—'; $('name').textContent = r.member_name || '—';
    $('since').textContent = r.member_since || '—'; $('number').textContent = r.card_number || '—';
    $('checked').textContent = (r.checked_at || '').replace('T', ' ').slice(0, 19);
  }
  function check(payload) {
    payload = (payload || '').trim();
    showError('');
    if (!payload) { showError(t('empty')); return Promise.resolve(); }
    $('check').disabled = true; $('check').textContent = t('checking');
    return fetch('/v1/cards/verify?payload=' + encodeURIComponent(payload), { headers: { 'accept-language': lang } })
      .then(function (res) {
        return res.json().then(function (body) {
          if (res.ok) { show(body); return; }
          $('result').hidden = true;
          showError(res.status === 429 ? t('tooMany') : t('failed') + ((body && body.error && body.error.message) || res.status));
        });
      })
      .catch(function () { showError(t('network')); })
      .then(function () { $('check').disabled = false; $('check').textContent = t('check'); });
  }
  function stopScan() {
    if (timer) { clearTimeout(timer); timer = null; }
    if (stream) { stream.getTracks().forEach(function (tr) { tr.stop(); }); stream = null; }
    $('video').hidden = true; $('stop').hidden = true; $('scan').hidden = false;
  }
  function startScan() {
    var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(function (s) {
      stream = s;
      var video = $('video');
      video.srcObject = s; video.hidden = false; $('stop').hidden = false; $('scan').hidden = true;
      return video.play().then(function () {
        var tick = function () {
          detector.detect(video).then(function (codes) {
            var hit = codes && codes[0] && codes[0].rawValue;
            if (hit) { stopScan(); $('payload').value = hit; check(hit); return; }
            timer = setTimeout(tick, 250);
          }).catch(function () { timer = setTimeout(tick, 500); });
        };
        tick();
      });
    }).catch(function () { stopScan(); showError(t('cameraDenied')); });
  }

  var canScan = typeof window.BarcodeDetector === 'function' && !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
  $('scan').hidden = !canScan; $('no-camera').hidden = canScan;
  $('scan').addEventListener('click', startScan);
  $('stop').addEventListener('click', stopScan);
  $('check').addEventListener('click', function () { check($('payload').value); });
  $('lang').addEventListener('click', function () { lang = lang === 'en' ? 'zh-CN' : 'en'; render(); showError(''); $('result').hidden = true; });
  render();
  // A link with the code after # (e.g. from a scanner app) is checked at once; the code never reaches a server log.
  var fromHash = decodeURIComponent(location.hash.replace(/^#/, ''));
  if (fromHash.indexOf('RUHUI1.') === 0) { $('payload').value = fromHash; check(fromHash); }
})();
`
