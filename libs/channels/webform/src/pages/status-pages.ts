import { randomUUID } from 'node:crypto';
import type { Language } from '@kontakt/core';
import type { FieldError } from '../submission-errors';
import { STATUS_LABELS, text } from '../texts';
import type { PublicCaseView } from '../webform.service';
import { errorSummary } from './form-page';
import { escape, paragraphs } from './html';
import { layout, withLanguage } from './layout';

const otherLanguage = (language: Language): Language => (language === 'da' ? 'en' : 'da');

const formatDate = (date: Date, language: Language, timeZone: string) =>
  new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(date);

/** Shown after a successful submission: the reference and the private status link. */
export function renderThanksPage(language: Language, reference: string, statusUrl: string): string {
  const t = (key: Parameters<typeof text>[1]) => escape(text(language, key));
  const body = `
<div class="panel" role="status">
  <h1>${t('thanksTitle')}</h1>
  <p>${t('yourReference')}<strong>${escape(reference)}</strong></p>
</div>
<p>${t('statusLinkIntro')}</p>
<p class="status-link"><a href="${escape(withLanguage(statusUrl, language))}">${escape(statusUrl)}</a></p>`;
  return layout({ language, title: text(language, 'thanksTitle'), switchHref: withLanguage(statusUrl, otherLanguage(language)), body });
}

export interface StatusPageInput {
  language: Language;
  token: string;
  view: PublicCaseView;
  timeZone: string;
  sent?: boolean;
  errors?: FieldError[];
  message?: string;
}

/** The citizen's view of their case: status, messages both ways, and a form to add more. */
export function renderStatusPage({ language, token, view, timeZone, sent, errors = [], message = '' }: StatusPageInput): string {
  const t = (key: Parameters<typeof text>[1]) => escape(text(language, key));
  const path = `/status/${token}`;
  const messages = view.messages
    .map((m) => {
      const files = m.attachments.length > 0 ? `<p class="meta">${t('attachmentWord')}: ${m.attachments.map(escape).join(', ')}</p>` : '';
      return `<li class="${m.direction}">
    <p class="meta">${m.direction === 'inbound' ? t('fromYou') : t('fromUs')} · <time datetime="${m.at.toISOString()}">${escape(formatDate(m.at, language, timeZone))}</time></p>
    ${paragraphs(m.text)}${files}
  </li>`;
    })
    .join('');
  const messageError = errors.filter((e) => e.field === 'message');
  const fileError = errors.filter((e) => e.field === 'attachments');
  const followUp = view.closed
    ? `<p class="notice">${t('closedNotice')} <a href="${escape(withLanguage('/contact', language))}">${t('newEnquiry')}</a></p>`
    : `<h2 id="follow-up">${t('followUpTitle')}</h2>
${errorSummary(errors, language)}
<form method="post" action="${escape(withLanguage(path, language))}" enctype="multipart/form-data" novalidate>
  <input type="hidden" name="submission" value="${randomUUID()}">
  <div class="field${messageError.length ? ' invalid' : ''}">
    <label for="message">${t('message')} *</label>
    ${messageError.length ? `<span class="error-message" id="message-error">${messageError.map((e) => escape(e[language])).join(' ')}</span>` : ''}
    <textarea id="message" name="message" rows="6" maxlength="20000" required${messageError.length ? ' aria-invalid="true" aria-describedby="message-error"' : ''}>${escape(message)}</textarea>
  </div>
  <div class="field${fileError.length ? ' invalid' : ''}">
    <label for="attachments">${t('attachments')}</label>
    <p class="hint" id="attachments-hint">${t('attachmentsHint')}</p>
    ${fileError.length ? `<span class="error-message" id="attachments-error">${fileError.map((e) => escape(e[language])).join(' ')}</span>` : ''}
    <input type="file" id="attachments" name="attachments" multiple aria-describedby="attachments-hint${fileError.length ? ' attachments-error' : ''}">
  </div>
  <button type="submit">${t('send')}</button>
</form>`;
  const body = `
${sent ? `<p class="notice" role="status">${t('followUpSent')}</p>` : ''}
<h1>${t('statusTitle')} ${escape(view.reference)}</h1>
<dl>
  <dt>${t('status')}</dt><dd>${escape(STATUS_LABELS[view.status][language])}</dd>
  <dt>${t('topic')}</dt><dd>${escape(view.topic[language])}</dd>
  <dt>${t('received')}</dt><dd><time datetime="${view.createdAt.toISOString()}">${escape(formatDate(view.createdAt, language, timeZone))}</time></dd>
</dl>
<h2>${t('conversation')}</h2>
<ol class="messages">${messages}</ol>
${followUp}`;
  return layout({ language, title: `${text(language, 'statusTitle')} ${view.reference}`, switchHref: withLanguage(path, otherLanguage(language)), body });
}

/** A page for a problem that is not a form error: a broken link, too many submissions. */
export function renderMessagePage(language: Language, title: string, message: string, backHref = '/contact'): string {
  const body = `<h1>${escape(title)}</h1><p>${escape(message)}</p><p><a href="${escape(withLanguage(backHref, language))}">${escape(text(language, 'newEnquiry'))}</a></p>`;
  return layout({ language, title, switchHref: withLanguage(backHref, otherLanguage(language)), body });
}
