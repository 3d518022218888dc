// Loanflow borrower web app: plain ES2020, no build step, no third-party code (docs/adr/0019).
// It is one more client of the public borrower API (/api/v1) and shows only what the API returns: personal data
// arrives masked and is never asked for again. Server text is always set as text, never parsed as HTML.
'use strict';

const API = '/api/v1';
const TOKEN_KEY = 'loanflow.token';
const DEVICE_KEY = 'loanflow.device';
const REPAY_KEY = 'loanflow.repay.';
const AFTER_CONSENT_KEY = 'loanflow.afterConsent';
const POLL_MS = 1500;
const MAX_POLL_MS = 30000;
const REQUEST_TIMEOUT_MS = 30000;
const UPLOAD_TIMEOUT_MS = 120000;
const MAX_IMAGE_BYTES = 2 * 1024 * 1024;   // the identity API's limit per image

const STATUS_TEXT = {
  SUBMITTED: '已提交', VERIFYING: '身份核验中', ASSESSING: '审批中', IN_REVIEW: '人工审核中',
  APPROVED: '已批准，待签合同', CONTRACT_SIGNED: '合同已签署', DISBURSING: '放款中', ACTIVE: '还款中',
  SETTLED: '已结清', REJECTED: '未通过', CANCELLED: '已取消', DISBURSEMENT_FAILED: '放款失败'
};
const VERIFICATION_TEXT = {NOT_SUBMITTED: '未认证', SUBMITTED: '审核中', VERIFIED: '已认证', FAILED: '认证失败'};
const INSTALLMENT_TEXT = {PENDING: '待还', PARTIALLY_PAID: '部分已还', PAID: '已还', SETTLED: '已结清'};
const REPAYMENT_TEXT = {PENDING: '扣款处理中', APPLIED: '已入账', FAILED: '扣款失败', REFUND_DUE: '待退款', REFUNDED: '已退款',
  REJECTED: '未入账'};
const PURPOSE_TEXT = {
  CONSUMPTION: '日常消费', EDUCATION: '教育', MEDICAL: '医疗', RENT: '房租', TRAVEL: '旅行', OTHER: '其他'
};
// an application in one of these states changes on its own: the page polls until it leaves them
const MOVING = new Set(['SUBMITTED', 'VERIFYING', 'ASSESSING', 'CONTRACT_SIGNED', 'DISBURSING']);
const CLOSED = new Set(['SETTLED', 'REJECTED', 'CANCELLED', 'DISBURSEMENT_FAILED']);

let product = null;
// Each navigation starts a new generation. Work begun for an older page (a request in flight, a poll) checks it
// and stops, so it can neither draw over the page the borrower moved to nor cancel that page's own poll.
let generation = 0;
let pollTimer = null;

// ---------- small helpers ----------

/** el('p', {class: 'x'}, 'text', child): children are text or nodes; attributes are set, never innerHTML. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Draws the page, unless the borrower has moved on since the work for it began. */
function view(gen, ...children) {
  if (gen !== generation) return false;
  document.getElementById('view').replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined));
  return true;
}

function notice(message) {
  const box = document.getElementById('notice');
  box.textContent = message || '';
  box.hidden = !message;
}

/** "1234.50" → "¥1,234.50", on the string: amounts are exact decimals and never pass through a float. */
function money(amount) {
  if (amount === null || amount === undefined) return '—';
  const [whole, fraction] = String(amount).split('.');
  return '¥' + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction === undefined ? '' : '.' + fraction);
}

/** "175.53" → 17553n: sums of amounts are done in whole fen, never in floating point. Amounts are never negative. */
function fen(amount) {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(amount));
  if (!match) throw new Error('not an amount: ' + amount);
  return BigInt(match[1]) * 100n + BigInt((match[2] || '').padEnd(2, '0'));
}

function fromFen(value) {
  if (value < 0n) throw new Error('negative amount');
  const digits = value.toString().padStart(3, '0');
  return digits.slice(0, -2) + '.' + digits.slice(-2);
}

/** What a borrower types ("1000", "1000.5", "1,000.00") as the API's two-decimal string; anything else as typed. */
function normalizeAmount(text) {
  // full-width digits and point (１０００．５０) as Chinese input methods type them
  const plain = asciiDigits(text).replace(/\uFF0E/g, '.').replace(/[,，\s]/g, '');
  return /^\d+(\.\d{1,2})?$/.test(plain) ? fromFen(fen(plain)) : plain;
}

/** A random id; crypto.getRandomValues works on plain HTTP too, unlike crypto.randomUUID. */
function randomId(prefix) {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return prefix + '-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function deviceId() {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id) {
    id = randomId('web');
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}

// ---------- API ----------

/**
 * What the borrower reads for the API's error codes; the API's own (English) message is kept for codes not listed
 * here, and field messages are shown as the API gives them, beside their field.
 */
const ERROR_TEXT = {
  VALIDATION_FAILED: '请检查标出的内容',
  MALFORMED_REQUEST: '请求格式有误，请刷新页面后重试',
  PAYLOAD_TOO_LARGE: '上传的内容太大，请压缩图片后重试',
  INVALID_CREDENTIALS: '手机号或密码不正确',
  ACCOUNT_TEMPORARILY_LOCKED: '密码错误次数过多，账户已暂时锁定，请稍后再试',
  PHONE_ALREADY_REGISTERED: '该手机号已注册，请直接登录',
  IDENTITY_ALREADY_REGISTERED: '该身份证号已被其他账户使用',
  IDENTITY_REQUIRED: '请先完成实名认证',
  CONSENT_REQUIRED: '请先阅读并同意最新版本的协议',
  APPLICATION_BEING_ASSESSED: '正在处理中，请几秒后再试',
  REAPPLY_TOO_SOON: '上一笔申请未通过，暂时不能重新申请',
  WITHDRAWAL_NOT_POSSIBLE: '合同已签署，无法撤回；可随时提前还款，不收手续费',
  CONTRACT_NOT_READY: '合同正在生成，请稍候',
  CONTRACT_NOT_READ: '请先打开并阅读合同，再输入验证码签署',
  OTP_ATTEMPTS_EXHAUSTED: '验证码错误次数过多，请重新获取验证码',
  LOAN_NOT_ACTIVE: '这笔借款已结清或不可还款',
  WITHHOLDING_IN_PROGRESS: '上一笔扣款正在处理，请等结果出来后再试',
  PAYMENT_IN_PROGRESS: '上一笔扣款正在处理，请等结果出来后再试',
  IDEMPOTENCY_KEY_REUSED: '请求重复，请刷新页面后重试',
  CONCURRENT_UPDATE: '数据刚刚有变化，请重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  ACCOUNT_HAS_OPEN_LOAN: '有未结清的借款或进行中的申请，暂不能注销',
  TRY_AGAIN_LATER: '服务暂时不可用，请稍后再试',
  APPLICATION_ALREADY_OPEN: '您已有一笔进行中的申请，请先查看该申请',
  APPLICATION_CANCELLED: '该申请已取消，合同不能再签署',
  IDENTITY_ALREADY_VERIFIED: '您已完成实名认证',
  SMS_UNAVAILABLE: '短信暂时无法发送，请稍后再试',
  NOT_FOUND: '未找到相关内容，请刷新页面',
  UNAUTHENTICATED: '登录已过期，请重新登录'
};

/** Codes whose server message carries a detail worth keeping (a limit, a figure): shown after the mapped text. */
const WITH_DETAIL = new Set(['PAYLOAD_TOO_LARGE', 'REAPPLY_TOO_SOON']);

class ApiError extends Error {
  constructor(status, body) {
    const mapped = body && ERROR_TEXT[body.code];
    super((mapped && WITH_DETAIL.has(body.code) && body.message ? mapped + '（' + body.message + '）' : mapped)
      || (body && body.message) || ('HTTP ' + status));
    this.status = status;
    this.code = body && body.code;
    this.fieldErrors = (body && body.fieldErrors) || [];
  }

  /** Worth trying again later: the server or the network had a problem, or asked us to slow down. */
  get transient() {
    return this.status >= 500 || this.status === 429;
  }
}

/** timeoutMs: longer for the identity upload (two photos, several MB of JSON on a slow mobile uplink). */
async function api(method, path, body, headers, timeoutMs) {
  // AbortController and a timer, not AbortSignal.timeout: iOS 15 and older Android WebViews lack it
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs || REQUEST_TIMEOUT_MS);
  const init = {method, headers: Object.assign({}, headers), signal: controller.signal};
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) init.headers.Authorization = 'Bearer ' + token;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(API + path, init);
  } catch (networkError) {
    throw new ApiError(503, {message: '网络连接失败，请稍后再试'});
  } finally {
    clearTimeout(timer);
  }
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    const error = new ApiError(response.status, type.includes('json') ? await response.json() : null);
    if (response.status === 401 && token) {
      forgetSession();   // the token and what belonged to the session (pending repayment keys, where to return)
      location.hash = '#/login';
    }
    throw error;
  }
  if (type.includes('json')) return response.json();
  if (type.includes('pdf')) return response.blob();
  return response.text();
}

async function loadProduct() {
  if (!product) {
    product = await api('GET', '/loan-product');
    document.getElementById('footer-apr-cap').textContent = product.aprCapPercent + '%';
  }
  return product;
}

// ---------- polling ----------

/**
 * Runs task after ms, for the current page only. A transient failure (network, 5xx, 429) is retried with a growing
 * pause; any other error is shown and ends the polling.
 */
function poll(gen, task, ms) {
  if (gen !== generation) return;
  clearTimeout(pollTimer);
  pollTimer = setTimeout(async () => {
    if (gen !== generation) return;
    try {
      await task();
    } catch (error) {
      if (gen !== generation) return;
      if (error instanceof ApiError && error.transient) {
        notice('网络不稳定，正在重试…');
        poll(gen, task, Math.min(Math.max(ms, POLL_MS) * 2, MAX_POLL_MS));
      } else {
        notice(error.message);
      }
    }
  }, ms);
}

// ---------- forms ----------

/** A form whose submit runs action(values); an ApiError's field errors appear under the inputs they name. */
function form(id, fields, submitLabel, action) {
  const errorBox = el('p', {class: 'form-error', role: 'alert', hidden: true});
  const submit = el('button', {type: 'submit', class: 'primary'}, submitLabel);
  const node = el('form', {id, novalidate: true}, errorBox, fields, submit);
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const old of node.querySelectorAll('.field-error')) old.remove();
    for (const marked of node.querySelectorAll('[aria-invalid]')) {
      marked.removeAttribute('aria-invalid');
      marked.removeAttribute('aria-describedby');
    }
    errorBox.hidden = true;
    submit.disabled = true;
    try {
      await action(values(node));
    } catch (error) {
      showErrors(node, errorBox, error);
    } finally {
      submit.disabled = false;
    }
  });
  return node;
}

function values(formNode) {
  const result = {};
  for (const input of formNode.querySelectorAll('input[name], select[name]')) {
    if (input.type === 'checkbox') {
      (result[input.name] = result[input.name] || []);
      if (input.checked) result[input.name].push(input.value);
    } else if (input.type === 'password') {
      result[input.name] = input.value;   // a password is exactly what was typed
    } else if (input.type !== 'file') {
      result[input.name] = input.value.trim();
    }
  }
  return result;
}

function showErrors(formNode, errorBox, error) {
  if (!(error instanceof ApiError)) {
    errorBox.textContent = '出错了，请稍后再试（' + error.message + '）';
    errorBox.hidden = false;
    return;
  }
  const unplaced = [];
  for (const fieldError of error.fieldErrors) {
    // "consents[0].version" is shown at "consents"; "device.deviceId" has no input and goes to the form's box
    const name = fieldError.field.replace(/\[.*$/, '');
    const input = formNode.querySelector('[name="' + CSS.escape(name) + '"]');
    if (input) {
      const holder = input.closest('label') || input;
      const id = 'error-' + name + '-' + Math.random().toString(36).slice(2, 8);
      holder.after(el('span', {class: 'field-error', id, 'data-field': fieldError.field}, fieldError.message));
      // read out with the field (every message of it)
      input.setAttribute('aria-invalid', 'true');
      const described = input.getAttribute('aria-describedby');
      input.setAttribute('aria-describedby', described ? described + ' ' + id : id);
    } else {
      unplaced.push(fieldError.field + ': ' + fieldError.message);
    }
  }
  // the first bad field in the form's order (the API sorts its errors by name) takes the focus
  const firstInvalid = formNode.querySelector('[aria-invalid="true"]');
  if (firstInvalid) firstInvalid.focus();
  errorBox.textContent = [error.message].concat(unplaced).join('；');
  if (error.code === 'IDENTITY_REQUIRED') {
    errorBox.append(' ', el('a', {href: '#/identity'}, '去实名认证'));
  }
  errorBox.hidden = false;
}

/**
 * A button that asks before it acts: the first click shows a confirming second button, whose click runs action. For
 * what cannot be undone from the page (withdrawing an application or a consent), so one slip does nothing.
 */
function confirmingButton(label, confirmLabel, action, startAttrs, confirmAttrs) {
  const confirmButton = el('button', Object.assign({type: 'button', hidden: true}, confirmAttrs), confirmLabel);
  const start = el('button', Object.assign({type: 'button', class: 'link'}, startAttrs), label);
  start.addEventListener('click', () => {
    start.hidden = true;
    confirmButton.hidden = false;
    confirmButton.focus();   // the focused button was hidden: keyboard users continue on the one that replaced it
  });
  confirmButton.addEventListener('click', async () => {
    confirmButton.disabled = true;
    try {
      await action();
    } catch (error) {
      notice(error.message);
      confirmButton.disabled = false;
    }
  });
  return [start, confirmButton];
}

/** An error the page finds itself, shown like the API's, and nothing is sent. */
function fieldError(field, message) {
  return new ApiError(400, {message: '请检查输入', fieldErrors: [{field, message}]});
}

function input(label, name, attrs) {
  return el('label', {}, el('span', {}, label), el('input', Object.assign({name, id: 'f-' + name}, attrs)));
}

function select(label, name, options, selected) {
  return el('label', {}, el('span', {}, label),
    el('select', {name, id: 'f-' + name},
      options.map(([value, text]) => el('option', {value, selected: String(value) === String(selected)}, text))));
}

/** Reads a chosen file as base64 (the identity API takes images as base64 strings). */
function fileAsBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

// ---------- views ----------

async function loginView(gen) {
  view(gen, el('h1', {}, '登录'),
    form('login-form', [input('手机号', 'phone', {type: 'tel', autocomplete: 'username', inputmode: 'numeric'}),
      input('密码', 'password', {type: 'password', autocomplete: 'current-password'})], '登录', async (v) => {
      const session = await api('POST', '/sessions', {phone: v.phone, password: v.password});
      sessionStorage.setItem(TOKEN_KEY, session.token);
      location.hash = '#/home';
    }),
    el('p', {}, '还没有账户？', el('a', {href: '#/register', id: 'to-register'}, '注册')));
}

/** A "阅读" button that shows the agreement's text in place (fetched once). */
function readToggle(agreement) {
  const text = el('pre', {class: 'agreement-text', hidden: true});
  const read = el('button', {type: 'button', class: 'link'}, '阅读');
  read.addEventListener('click', async () => {
    try {
      if (!text.textContent) text.textContent = await api('GET', agreement.url.replace(/^\/api\/v1/, ''));
      text.hidden = !text.hidden;
    } catch (error) {
      notice(error.message);
    }
  });
  return [read, text];
}

function agreementItem(agreement, checkable) {
  const title = '《' + agreement.title + '》（' + agreement.version + '）';
  return el('div', {class: 'agreement'},
    checkable
      ? el('label', {class: 'check'},
        el('input', {type: 'checkbox', name: 'consents', value: agreement.type + '@' + agreement.version}),
        el('span', {}, '我已阅读并同意' + title))
      : el('h2', {}, title),
    readToggle(agreement));
}

function consentsOf(checked) {
  return checked.map((value) => {
    const [type, version] = value.split('@');
    return {type, version};
  });
}

async function registerView(gen) {
  const agreements = await api('GET', '/agreements');
  view(gen, el('h1', {}, '注册'),
    form('register-form', [
      input('手机号', 'phone', {type: 'tel', autocomplete: 'username', inputmode: 'numeric'}),
      input('密码（8–64 位，含字母和数字）', 'password', {type: 'password', autocomplete: 'new-password'}),
      el('fieldset', {}, el('legend', {}, '协议'), agreements.map((a) => agreementItem(a, true)))
    ], '同意协议并注册', async (v) => {
      await api('POST', '/borrowers', {phone: v.phone, password: v.password, consents: consentsOf(v.consents)});
      const session = await api('POST', '/sessions', {phone: v.phone, password: v.password});
      sessionStorage.setItem(TOKEN_KEY, session.token);
      location.hash = '#/identity';
    }),
    el('p', {}, '已有账户？', el('a', {href: '#/login'}, '登录')));
}

async function agreementsView(gen) {
  const agreements = await api('GET', '/agreements');
  view(gen, el('h1', {}, '协议'), agreements.map((a) => agreementItem(a, false)));
}

async function homeView(gen) {
  const [me, applications] = await Promise.all([api('GET', '/borrowers/me'), api('GET', '/applications')]);
  const open = applications.find((a) => !CLOSED.has(a.status));
  const actions = [];
  if (me.verificationStatus === 'NOT_SUBMITTED' || me.verificationStatus === 'FAILED') {
    actions.push(el('a', {class: 'button primary', href: '#/identity', id: 'to-identity'}, '实名认证'));
  }
  if (!open) actions.push(el('a', {class: 'button primary', href: '#/apply', id: 'to-apply'}, '申请借款'));
  actions.push(el('a', {class: 'button', href: '#/consents', id: 'to-consents'}, '协议与授权'));
  actions.push(dataExportButton());
  actions.push(el('a', {class: 'button', href: '#/closure', id: 'to-closure'}, '注销账户'));
  sessionStorage.removeItem(AFTER_CONSENT_KEY);   // a detour from applying that was abandoned
  view(gen, el('h1', {}, '我的'),
    el('dl', {class: 'profile', id: 'profile'},
      el('dt', {}, '手机号'), el('dd', {id: 'profile-phone'}, me.phone || '—'),
      el('dt', {}, '姓名'), el('dd', {id: 'profile-name'}, me.name || '—'),
      el('dt', {}, '身份证号'), el('dd', {id: 'profile-id-number'}, me.idNumber || '—'),
      el('dt', {}, '实名状态'), el('dd', {id: 'profile-verification'},
        VERIFICATION_TEXT[me.verificationStatus] || me.verificationStatus),
      me.creditLimit ? [el('dt', {}, '额度'), el('dd', {}, money(me.creditLimit))] : null),
    el('div', {class: 'actions'}, actions),
    el('h2', {}, '我的申请'),
    applications.length === 0 ? el('p', {}, '还没有申请。') :
      el('ul', {class: 'list', id: 'applications'}, applications.map((a) =>
        el('li', {},
          el('a', {href: '#/applications/' + encodeURIComponent(a.applicationId), 'data-status': a.status},
            money(a.requestedAmount) + ' · ' + a.termMonths + ' 期 · ' + (STATUS_TEXT[a.status] || a.status)),
          a.loanId ? el('a', {class: 'secondary', href: '#/loans/' + encodeURIComponent(a.loanId)}, '查看借款') : null))));
}

async function identityView(gen) {
  view(gen, el('h1', {}, '实名认证'),
    el('p', {}, '姓名和身份证号加密保存，之后只显示打码后的号码。照片每张不超过 2 MB。'),
    form('identity-form', [
      input('姓名', 'name', {autocomplete: 'name'}),
      input('身份证号', 'idNumber', {autocomplete: 'off', maxlength: 18}),
      input('身份证人像面照片', 'idCardFrontImage', {type: 'file', accept: 'image/png,image/jpeg'}),
      input('本人自拍（活体检测）', 'selfieImage', {type: 'file', accept: 'image/png,image/jpeg'})
    ], '提交认证', async (v) => {
      const formNode = document.getElementById('identity-form');
      const images = {};
      for (const name of ['idCardFrontImage', 'selfieImage']) {
        const file = formNode.querySelector('[name=' + name + ']').files[0];
        if (file && file.size > MAX_IMAGE_BYTES) throw fieldError(name, '图片不能超过 2 MB，请压缩后再选择');
        images[name] = file ? await fileAsBase64(file) : '';
      }
      await api('PUT', '/borrowers/me/identity', Object.assign({name: v.name, idNumber: v.idNumber.toUpperCase()}, images),
        undefined, UPLOAD_TIMEOUT_MS);
      location.hash = '#/home';
    }));
}

async function applyView(gen) {
  const [p, me] = await Promise.all([loadProduct(), api('GET', '/borrowers/me')]);
  // a borrower who repaid a loan here may ask for more than a first loan (the decision still sets the limit)
  const repeat = me.maxApplicationAmount && fen(me.maxApplicationAmount) > fen(p.maxAmount);
  const terms = [];
  for (let m = p.minTermMonths; m <= p.maxTermMonths; m++) terms.push([m, m + ' 个月']);
  const key = randomId('web');   // one key per form: a double click or a retry returns the same application
  view(gen, el('h1', {}, '申请借款'),
    el('div', {class: 'disclosure', id: 'disclosure'},
      el('p', {}, '借款金额 ' + money(p.minAmount) + ' – ' + money(p.maxAmount) + '，期限 ' + p.minTermMonths + '–'
        + p.maxTermMonths + ' 个月，等额本息。'),
      el('p', {id: 'repeat-max'}, repeat
        ? '您已在本平台结清借款，本次最高可申请 ' + money(me.maxApplicationAmount) + '；批准金额以审批额度为准。'
        : '在本平台结清一笔借款后，可申请最高 ' + money(p.repeatMaxAmount) + '；按时还款才会提额，批准金额以审批额度为准。'),
      el('p', {}, '年化利率（APR）不超过 ', el('strong', {id: 'apr-cap'}, p.aprCapPercent + '%'),
        '，按实际现金流的内部收益率计算；具体利率以审批结果和合同为准。服务费 ' + money(p.serviceFee) + '。'),
      el('p', {}, '逾期仅对逾期本金按日计息（合同年利率 / 365）。提前还款只付实际天数的利息，无手续费。'),
      el('p', {}, '申请时我们查询征信报告（依据您的征信授权）；不读取通讯录、通话记录或已安装应用列表。')),
    form('apply-form', [
      input('借款金额（元）', 'amount', {inputmode: 'decimal', placeholder: p.minAmount}),
      select('期限', 'termMonths', terms, 6),
      input('收款及还款银行卡号', 'bankCardNumber', {inputmode: 'numeric', autocomplete: 'off'}),
      select('用途', 'purpose', p.purposes.map((x) => [x, PURPOSE_TEXT[x] || x]), 'CONSUMPTION')
    ], '提交申请', async (v) => {
      try {
        const submitted = await api('POST', '/applications', {
          amount: normalizeAmount(v.amount), termMonths: Number(v.termMonths),
          bankCardNumber: v.bankCardNumber.replace(/\s+/g, ''), purpose: v.purpose,
          device: {deviceId: deviceId(), platform: 'WEB'}
        }, {'Idempotency-Key': key});
        location.hash = '#/applications/' + encodeURIComponent(submitted.applicationId);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'CONSENT_REQUIRED') {
          sessionStorage.setItem(AFTER_CONSENT_KEY, '#/apply');
          location.hash = '#/consents';
          return;
        }
        throw error;
      }
    }));
}

/**
 * Every current agreement with the borrower's consent: give it (new versions, or after a withdrawal) or withdraw it
 * (PIPL art. 15; a second click confirms). Reached from the home page, and from applying when consent is missing.
 */
async function consentsView(gen) {
  const [statuses, agreements] = await Promise.all([api('GET', '/borrowers/me/consents'), api('GET', '/agreements')]);
  const missing = agreements.filter((a) => statuses.some((s) => s.type === a.type && !s.consented));
  const returnTo = sessionStorage.getItem(AFTER_CONSENT_KEY);
  const rows = statuses.map((status) => {
    const agreement = agreements.find((a) => a.type === status.type);
    const state = status.consented ? '已同意（' + status.currentVersion + '）'
      : status.withdrawnAt ? '已于 ' + status.withdrawnAt.replace('T', ' ').slice(0, 16) + ' 撤回' : '未同意';
    const item = el('li', {'data-type': status.type, 'data-consented': String(status.consented)},
      el('strong', {}, status.title), ' ', el('span', {class: 'consent-state'}, state));
    if (status.consented) {
      item.append(' ', ...confirmingButton('撤回同意', '确认撤回（撤回后再次申请需重新同意）', async () => {
        await api('POST', '/borrowers/me/consents/' + encodeURIComponent(status.type) + '/withdrawal');
        sessionStorage.removeItem(AFTER_CONSENT_KEY);
        await consentsView(gen);
        notice('已撤回。此前基于该授权的处理不受影响。');
      }, {class: 'link withdraw-consent'}, {class: 'withdraw-consent-confirm'}));
    } else if (agreement) {
      item.append(' ', ...readToggle(agreement));
    }
    return item;
  });
  view(gen, el('h1', {}, '协议与授权'),
    returnTo ? el('p', {}, '以下协议需要您同意后才能继续申请。') : null,
    el('ul', {class: 'list', id: 'consents'}, rows),
    missing.length === 0 ? null :
      form('consents-form', [el('p', {}, '同意以下协议：'),
        missing.map((a) => el('label', {class: 'check'},
          el('input', {type: 'checkbox', name: 'consents', value: a.type + '@' + a.version}),
          el('span', {}, '我已阅读并同意《' + a.title + '》（' + a.version + '）')))], '同意', async (v) => {
        await api('POST', '/borrowers/me/consents', {consents: consentsOf(v.consents)});
        if (returnTo) {
          sessionStorage.removeItem(AFTER_CONSENT_KEY);
          location.hash = returnTo;
        } else {
          await consentsView(gen);
        }
      }));
}

/** A copy of everything held about the borrower (ADR 0027), saved as a JSON file. */
function dataExportButton() {
  const button = el('button', {type: 'button', id: 'data-export'}, '下载我的数据');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const data = await api('GET', '/borrowers/me/data-export');
      const link = el('a', {id: 'data-export-file', download: 'loanflow-my-data-' + data.exportedAt.slice(0, 10) + '.json',
        href: URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], {type: 'application/json'}))});
      document.body.append(link);
      link.click();
      setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      notice('已下载：您的资料、授权记录、每笔申请的审批理由、征信查询记录、借款和还款。');
    } catch (error) {
      notice(error.message);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

/** Closing the account (ADR 0024): what happens to the data is said before the password is asked for. */
async function closureView(gen) {
  view(gen, el('h1', {}, '注销账户'),
    el('ul', {class: 'list', id: 'closure-terms'},
      el('li', {}, '注销后无法再登录，所有登录状态立即失效；同一手机号和身份证号可以重新注册。'),
      el('li', {}, '从未借款的：您的个人信息（手机号、姓名、身份证号、银行卡、照片、征信报告等）立即删除。'),
      el('li', {}, '借过款的：按反洗钱规定，身份资料和交易记录自注销起保存 5 年，期间不用于任何营销或新的审批，期满后删除。'),
      el('li', {}, '有未结清的申请或借款、处理中的付款或待退款项时不能注销。')),
    form('closure-form', [input('登录密码', 'password', {type: 'password', autocomplete: 'current-password'})],
      '确认注销', async (v) => {
        const closed = await api('POST', '/borrowers/me/closure', {password: v.password});
        forgetSession();
        // the device id would link a new registration on this browser to the closed account
        localStorage.removeItem(DEVICE_KEY);
        document.getElementById('nav').hidden = true;
        view(gen, el('h1', {id: 'closed'}, '账户已注销'),
          el('p', {id: 'closure-outcome'}, closed.personalDataErased ? '您的个人信息已删除。'
            : '您的身份资料和交易记录将保存至 ' + closed.retainedUntil + '，之后删除。'),
          el('a', {class: 'button', href: '#/register'}, '重新注册'));
      }));
}

async function applicationView(gen, id) {
  const a = await api('GET', '/applications/' + encodeURIComponent(id));
  const d = a.decision;
  const parts = [el('h1', {}, '借款申请'),
    el('p', {class: 'status'}, '状态：', el('strong', {id: 'application-status', 'data-status': a.status},
      STATUS_TEXT[a.status] || a.status)),
    el('dl', {class: 'profile'},
      el('dt', {}, '申请金额'), el('dd', {}, money(a.requestedAmount)),
      el('dt', {}, '期限'), el('dd', {}, a.termMonths + ' 个月'),
      el('dt', {}, '银行卡'), el('dd', {id: 'application-card'}, a.bankCard))];
  if (d) {
    parts.push(el('h2', {}, '审批结果'), el('dl', {class: 'profile', id: 'decision'},
      d.approvedAmount ? [el('dt', {}, '批准金额'), el('dd', {id: 'approved-amount'}, money(d.approvedAmount))] : null,
      d.creditLimit ? [el('dt', {}, '额度'), el('dd', {id: 'credit-limit'}, money(d.creditLimit),
        // a repeat borrower is told why the limit rose or did not (limit-increase.dmn)
        d.creditLimitReason ? el('small', {id: 'credit-limit-reason', 'data-code': d.creditLimitReason.code},
          '（' + d.creditLimitReason.description + '）') : null)] : null,
      d.nominalApr ? [el('dt', {}, '名义年利率'), el('dd', {id: 'decision-apr'}, d.nominalApr)] : null));
    if (d.reasons && d.reasons.length) {
      parts.push(el('p', {}, a.status === 'REJECTED' ? '未通过的原因：' : '说明：'),
        el('ul', {class: 'reasons', id: 'reasons'},
          d.reasons.map((r) => el('li', {'data-code': r.code}, r.description + '（' + r.code + '）'))));
    }
    if (d.reapplyFrom) {
      parts.push(el('p', {id: 'reapply-from'}, '您可于 ' + d.reapplyFrom + ' 起重新申请。'));
    }
    if (d.adverseFactors && d.adverseFactors.length) {
      // the model's top adverse factors: what raised the estimated risk most, whatever the outcome
      parts.push(el('p', {}, '对风险评分影响最大的因素：'),
        el('ol', {class: 'reasons', id: 'adverse-factors'},
          d.adverseFactors.map((f) => el('li', {'data-code': f.code}, f.description))));
    }
  }
  if (a.status === 'APPROVED') parts.push(contractSection(gen, a));
  if (a.status === 'IN_REVIEW' || a.status === 'APPROVED') parts.push(withdrawSection(gen, a));
  if (a.loanId) {
    parts.push(el('p', {}, el('a', {class: 'button primary', id: 'to-loan', href: '#/loans/' + encodeURIComponent(a.loanId)},
      '查看借款和还款计划')));
  }
  if (!view(gen, ...parts)) return;
  if (MOVING.has(a.status) || a.status === 'IN_REVIEW') awaitApplicationChange(gen, id, a.status);
}

/**
 * Polls until the application's status changes, and only then draws the page again: a redraw every few seconds
 * would reset a withdrawal half confirmed, move the keyboard focus and make screen readers read the page again.
 */
function awaitApplicationChange(gen, id, status) {
  poll(gen, async () => {
    const a = await api('GET', '/applications/' + encodeURIComponent(id));
    if (gen !== generation) return;
    if (a.status === status) {
      awaitApplicationChange(gen, id, status);
    } else {
      await applicationView(gen, id);
    }
  }, status === 'IN_REVIEW' ? 5000 : POLL_MS);
}

/** Withdrawing is free until the contract is signed; a second click confirms, so one slip does not cancel. */
function withdrawSection(gen, a) {
  return el('section', {class: 'withdraw'}, el('p', {}, '签署合同前可随时撤回申请，不产生任何费用。'),
    confirmingButton('撤回申请', '确认撤回，申请将被取消', async () => {
      await api('POST', '/applications/' + encodeURIComponent(a.applicationId) + '/withdrawal');
      await applicationView(gen, a.applicationId);
    }, {id: 'withdraw'}, {id: 'withdraw-confirm'}));
}

/**
 * The offer awaiting a signature. The contract is rendered just after approval: its price and schedule are fetched
 * until they are there, while the application is watched too (it may time out or be withdrawn elsewhere). The page
 * shows what the contract binds the borrower to (amount, money reaching the card, every installment, totals, APR with
 * the fee); the PDF is fetched only when the borrower opens it (the server records its delivery then, and refuses a
 * signature before it), and the signing form appears only after that, with a box saying it was read.
 */
function contractSection(gen, a) {
  const path = '/applications/' + encodeURIComponent(a.applicationId) + '/contract';
  const state = el('p', {id: 'contract-state'}, '合同生成中…');
  const terms = el('div', {id: 'contract-terms', hidden: true});
  const link = el('a', {id: 'contract-link', class: 'button', href: '#', hidden: true}, '打开并阅读合同（PDF）');
  const resend = el('button', {type: 'button', id: 'signing-code', class: 'link'}, '重新发送验证码');
  resend.addEventListener('click', async () => {
    resend.disabled = true;
    try {
      await api('POST', path + '/signing-code');
      notice('验证码已发送到您的手机。');
    } catch (error) {
      notice(error.message);
    } finally {
      resend.disabled = false;
    }
  });
  const read = el('label', {class: 'check'}, el('input', {type: 'checkbox', name: 'contractRead', value: 'yes'}),
    el('span', {}, '我已阅读借款合同全部条款（含还款计划、年化利率和逾期条款），同意签署'));
  const signForm = form('sign-form', [read, input('短信验证码', 'otp', {inputmode: 'numeric', maxlength: 6,
    autocomplete: 'one-time-code'}), resend], '同意并签署', async (v) => {
    if (!v.contractRead.length) throw fieldError('contractRead', '请先阅读合同并勾选');
    try {
      await api('POST', path + '/signature', {otp: asciiDigits(v.otp)});
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'CONTRACT_ALREADY_SIGNED') throw error;
    }
    await route();   // the page of the signed application, drawn afresh (which clears notices)
    notice('合同已签署，正在放款。');
  });
  signForm.hidden = true;
  let pdfLoaded = false;
  link.addEventListener('click', async (event) => {
    if (pdfLoaded) {   // the download itself (a second click, or the one below)
      signForm.hidden = false;
      link.setAttribute('data-opened', 'true');
      return;
    }
    event.preventDefault();
    link.setAttribute('aria-busy', 'true');
    try {
      const pdf = await api('GET', path);
      link.href = URL.createObjectURL(pdf);
      window.addEventListener('hashchange', () => URL.revokeObjectURL(link.href), {once: true});
      link.download = 'contract-' + a.applicationId + '.pdf';
      link.setAttribute('data-bytes', String(pdf.size));
      link.textContent = '再次下载合同（PDF）';
      pdfLoaded = true;
      link.click();
    } catch (error) {
      notice(error.message);
    } finally {
      link.removeAttribute('aria-busy');
    }
  });

  let attempts = 0;
  const watch = async () => {
    const now = await api('GET', '/applications/' + encodeURIComponent(a.applicationId));
    if (now.status !== 'APPROVED') return applicationView(gen, a.applicationId);
    if (link.hidden) {
      try {
        terms.replaceChildren(...disclosure(await api('GET', path + '/pricing')));
        terms.hidden = false;
        link.hidden = false;
        state.textContent = '请核对以下借款条件，打开并阅读合同后，再输入短信验证码签署。';
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 404) throw error;
        if (++attempts > 40) {
          state.textContent = '合同生成时间较长，请稍后刷新页面。';
          return;   // no more polling; a refresh starts again
        }
      }
    }
    poll(gen, watch, link.hidden ? POLL_MS : 5000);
  };
  poll(gen, watch, POLL_MS);
  return el('section', {class: 'contract'}, el('h2', {}, '签署借款合同'), state, terms,
    el('div', {class: 'actions'}, link), signForm);
}

/** The contract's figures as the page shows them before the signature: what is lent, paid out, repaid and at what APR. */
function disclosure(pricing) {
  return [
    el('dl', {class: 'profile'},
      el('dt', {}, '借款金额'), el('dd', {id: 'contract-amount'}, money(pricing.approvedAmount)),
      el('dt', {}, '服务费'), el('dd', {}, money(pricing.serviceFee) + '（从放款金额中扣除）'),
      el('dt', {}, '实际到账'), el('dd', {id: 'contract-net-payout'}, money(pricing.netPayout)),
      el('dt', {}, '期数'), el('dd', {}, pricing.termMonths + ' 期（等额本息）'),
      el('dt', {}, '名义年利率'), el('dd', {}, pricing.nominalAprPercent + '%'),
      el('dt', {}, '年化利率（APR，含服务费）'), el('dd', {id: 'contract-apr'}, pricing.irrAprPercent + '%'),
      el('dt', {}, '利息合计'), el('dd', {id: 'contract-total-interest'}, money(pricing.totalInterest)),
      el('dt', {}, '应还本息合计'), el('dd', {id: 'contract-total-repayable'}, money(pricing.totalRepayable))),
    el('table', {id: 'contract-installments'},
      el('caption', {}, '还款计划（到期日自放款日起按月计算）'),
      el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, '期数'), el('th', {scope: 'col'}, '本金'),
        el('th', {scope: 'col'}, '利息'), el('th', {scope: 'col'}, '应还'))),
      el('tbody', {}, pricing.installments.map((i) => el('tr', {},
        el('td', {}, i.seq), el('td', {}, money(i.principal)), el('td', {}, money(i.interest)),
        el('td', {}, money(i.amount)))))),
  ];
}

/** Full-width digits (as a Chinese input method types them) as ASCII. */
function asciiDigits(text) {
  return text.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xFF10 + 48));
}

async function loanView(gen, id, repaymentNote) {
  const loan = await api('GET', '/loans/' + encodeURIComponent(id));
  const parts = [el('h1', {}, '我的借款'),
    el('p', {class: 'status'}, '状态：', el('strong', {id: 'loan-status', 'data-status': loan.status},
      STATUS_TEXT[loan.status] || loan.status)),
    el('dl', {class: 'profile'},
      el('dt', {}, '本金'), el('dd', {id: 'loan-principal'}, money(loan.principal)),
      // the disclosed APR includes the fee; without it on record, no figure rather than the lower nominal rate
      el('dt', {}, '年化利率（APR）'), el('dd', {id: 'loan-apr'}, loan.irrAprPercent ? loan.irrAprPercent + '%' : '—'),
      el('dt', {}, '名义年利率'), el('dd', {}, loan.aprPercent + '%'),
      el('dt', {}, '服务费'), el('dd', {}, money(loan.serviceFee)),
      el('dt', {}, '逾期日利率'), el('dd', {}, loan.penaltyDailyRatePercent + '%'),
      el('dt', {}, '逾期罚息（未还）'), el('dd', {id: 'loan-penalty'}, money(loan.outstandingPenalty)),
      el('dt', {}, '今日结清应还'), el('dd', {id: 'loan-outstanding'}, money(loan.outstanding))),
    el('h2', {}, '还款计划'),
    el('table', {id: 'schedule'},
      el('thead', {}, el('tr', {}, ['期数', '还款日', '本金', '利息', '罚息', '应还', '已还', '状态'].map((h) => el('th', {}, h)))),
      el('tbody', {}, loan.schedule.map((line) => el('tr', {'data-status': line.status},
        el('td', {}, line.seq), el('td', {}, line.dueDate), el('td', {}, money(line.principal)),
        el('td', {}, money(line.interest)), el('td', {class: 'penalty'}, money(line.penalty || '0.00')),
        // owed includes the penalty, as "paid" does: the two columns compare
        el('td', {}, money(fromFen(fen(line.total) + fen(line.penalty || '0.00')))), el('td', {}, money(line.paid)),
        el('td', {}, INSTALLMENT_TEXT[line.status] || line.status)))))];
  if (loan.status === 'ACTIVE') parts.push(repaySection(gen, id, loan));
  parts.push(el('div', {id: 'repayment'}, repaymentNote || null));
  if (!view(gen, ...parts)) return;
  // a repayment started before the page was left: its outcome is shown when it comes
  const started = JSON.parse(sessionStorage.getItem(REPAY_KEY + id) || 'null');
  if (!repaymentNote && started && started.repaymentId) await repaymentProgress(gen, id, started.repaymentId);
}

/** Every installment due by today still owed, or else the next one; never more than what settles the loan. */
function suggestedRepayment(loan) {
  // the platform's day (its clock decides what is due), not the browser's: a phone in another time zone or with a
  // wrong clock would leave out an installment due today
  const now = new Date();
  const today = loan.asOf
    || `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const owed = (line) => fen(line.total) + fen(line.penalty || '0.00') - fen(line.paid);
  const open = loan.schedule.filter((line) => line.status === 'PENDING' || line.status === 'PARTIALLY_PAID');
  let amount = open.filter((line) => line.dueDate <= today).reduce((sum, line) => sum + owed(line), 0n);
  if (amount === 0n && open.length) amount = owed(open[0]);
  const settle = fen(loan.outstanding);
  return fromFen(amount > 0n && amount < settle ? amount : settle);
}

function repaySection(gen, loanId, loan) {
  const amountField = input('还款金额（元）', 'amount', {inputmode: 'decimal', value: suggestedRepayment(loan)});
  const settle = el('button', {type: 'button', id: 'repay-all', class: 'link'}, '全部结清');
  settle.addEventListener('click', async () => {
    try {
      // the settlement amount changes every day: ask for today's
      const quote = await api('GET', '/loans/' + encodeURIComponent(loanId) + '/settlement-quote');
      amountField.querySelector('input').value = quote.total;
      amountField.querySelector('input').setAttribute('data-quoted', quote.total);
    } catch (error) {
      notice(error.message);
    }
  });
  return [el('h2', {}, '还款'),
    el('p', {}, '从您绑定的银行卡代扣；银行确认扣款后才入账。'),
    form('repay-form', [amountField, settle], '确认还款', async (v) => {
      const amount = normalizeAmount(v.amount);
      const started = await api('POST', '/loans/' + encodeURIComponent(loanId) + '/repayments', {amount},
        {'Idempotency-Key': await repaymentKey(loanId, amount)});
      rememberRepayment(loanId, started.repaymentId);
      await repaymentProgress(gen, loanId, started.repaymentId);
    })];
}

/**
 * The Idempotency-Key of a repayment is kept in sessionStorage until its outcome is known, so a reload or a retry
 * after a lost answer sends the same key and cannot start a second withholding of the same amount. Once the request
 * was answered, the key is kept with the repayment it started: it is reused only while that repayment is still
 * pending, never for a later repayment of the same amount (next month's equal installment would otherwise return the
 * old repayment and start no withholding).
 */
async function repaymentKey(loanId, amount) {
  const stored = JSON.parse(sessionStorage.getItem(REPAY_KEY + loanId) || 'null');
  if (stored && stored.amount === amount) {
    if (!stored.repaymentId) return stored.key;   // the answer was lost: the same request again
    const earlier = await api('GET', '/loans/' + encodeURIComponent(loanId) + '/repayments/'
      + encodeURIComponent(stored.repaymentId));
    if (earlier.status === 'PENDING') return stored.key;
  }
  const key = randomId('web-repay');
  sessionStorage.setItem(REPAY_KEY + loanId, JSON.stringify({amount, key}));
  return key;
}

function rememberRepayment(loanId, repaymentId) {
  const stored = JSON.parse(sessionStorage.getItem(REPAY_KEY + loanId) || 'null');
  if (stored) sessionStorage.setItem(REPAY_KEY + loanId, JSON.stringify(Object.assign(stored, {repaymentId})));
}

async function repaymentProgress(gen, loanId, repaymentId) {
  const r = await api('GET', '/loans/' + encodeURIComponent(loanId) + '/repayments/' + encodeURIComponent(repaymentId));
  if (gen !== generation) return;
  if (r.status === 'PENDING') {
    const box = document.getElementById('repayment');
    if (box) box.replaceChildren(el('p', {id: 'repayment-status', 'data-status': r.status}, REPAYMENT_TEXT.PENDING + '…'));
    poll(gen, () => repaymentProgress(gen, loanId, repaymentId), POLL_MS);
    return;
  }
  sessionStorage.removeItem(REPAY_KEY + loanId);   // an outcome: the next repayment is a new one
  const text = {
    APPLIED: '还款 ' + money(r.amount) + ' 已入账：本金 ' + money(r.principal) + '，利息 ' + money(r.interest)
      + '，罚息 ' + money(r.penalty) + '。',
    FAILED: '扣款未成功，未扣款的不会入账，可稍后再试或换一张卡。',
    REFUND_DUE: '银行卡已扣款 ' + money(r.amount) + '，但这笔借款已经结清，这笔钱将原路退还给您。'
  }[r.status] || (REPAYMENT_TEXT[r.status] || r.status);
  await loanView(gen, loanId, el('p', {id: 'repayment-status', 'data-status': r.status}, text));
}

// ---------- routing ----------

const PUBLIC = {'/login': loginView, '/register': registerView, '/agreements': agreementsView};
const PRIVATE = [
  [/^\/home$/, homeView], [/^\/identity$/, identityView], [/^\/apply$/, applyView], [/^\/consents$/, consentsView],
  [/^\/closure$/, closureView],
  [/^\/applications\/([A-Za-z0-9_-]+)$/, applicationView], [/^\/loans\/([A-Za-z0-9_-]+)$/, loanView]
];

async function route() {
  const gen = ++generation;
  clearTimeout(pollTimer);
  notice('');
  const path = location.hash.replace(/^#/, '') || '/home';
  const signedIn = Boolean(sessionStorage.getItem(TOKEN_KEY));
  document.getElementById('nav').hidden = !signedIn;
  try {
    if (Object.prototype.hasOwnProperty.call(PUBLIC, path)) return await PUBLIC[path](gen);
    if (!signedIn) {
      location.hash = '#/login';
      return;
    }
    for (const [pattern, handler] of PRIVATE) {
      const match = path.match(pattern);
      if (match) return await handler(gen, ...match.slice(1).map(decodeURIComponent));
    }
    location.hash = '#/home';
  } catch (error) {
    if (gen === generation) notice(error.message);
  }
}

document.getElementById('logout').addEventListener('click', async () => {
  try {
    await api('POST', '/sessions/logout');
  } catch (ignored) {
    // the token is dropped here either way
  } finally {
    forgetSession();
    location.hash = '#/login';
  }
});

/** Everything this tab kept for the borrower (token, repayment keys, where to return): a shared computer keeps none. */
function forgetSession() {
  Object.keys(sessionStorage).filter((key) => key.startsWith('loanflow.')).forEach((key) => sessionStorage.removeItem(key));
}
window.addEventListener('hashchange', route);
loadProduct().catch(() => {});
route();
