import { randomUUID } from 'node:crypto';
import type { Language } from '@kontakt/core';
import type { Topic } from '@kontakt/topics';
import { topicName } from '@kontakt/topics';
import type { FieldError } from '../submission-errors';
import { text } from '../texts';
import { escape } from './html';
import { layout, withLanguage } from './layout';

/** Where the error summary links to for each field. */
const ANCHOR: Record<FieldError['field'], string> = {
  name: 'name', contact: 'email', email: 'email', phone: 'phone', topic: 'topic', subject: 'subject', message: 'message', attachments: 'attachments', website: 'name',
};

export function errorSummary(errors: FieldError[], language: Language): string {
  if (errors.length === 0) return '';
  const items = errors.map((e) => `<li><a href="#${ANCHOR[e.field]}">${escape(e[language])}</a></li>`).join('');
  return `<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
  <h2 id="error-summary-title">${escape(text(language, 'errorSummaryTitle'))}</h2>
  <ul>${items}</ul>
</div>`;
}

function errorsFor(field: FieldError['field'] | FieldError['field'][], errors: FieldError[], language: Language) {
  const fields = Array.isArray(field) ? field : [field];
  const own = errors.filter((e) => fields.includes(e.field));
  const id = `${fields[0]}-error`;
  return {
    invalid: own.length > 0,
    describedBy: own.length > 0 ? id : '',
    html: own.length > 0 ? `<span class="error-message" id="${id}">${own.map((e) => escape(e[language])).join(' ')}</span>` : '',
  };
}

function describedBy(...ids: string[]): string {
  const joined = ids.filter(Boolean).join(' ');
  return joined ? ` aria-describedby="${joined}"` : '';
}

export interface FormPageInput {
  language: Language;
  topics: Topic[];
  values?: Record<string, unknown>;
  errors?: FieldError[];
}

/** The public contact form: accessible, no JavaScript, every error next to its field and summarised on top. */
export function renderFormPage({ language, topics, values = {}, errors = [] }: FormPageInput): string {
  const v = (name: string) => escape(typeof values[name] === 'string' ? values[name] : '');
  const t = (key: Parameters<typeof text>[1]) => escape(text(language, key));
  const name = errorsFor('name', errors, language);
  const contact = errorsFor(['contact', 'email', 'phone'], errors, language);
  const topic = errorsFor('topic', errors, language);
  const subject = errorsFor('subject', errors, language);
  const message = errorsFor('message', errors, language);
  const attachments = errorsFor('attachments', errors, language);
  const submission = typeof values.submission === 'string' ? values.submission : randomUUID();
  const chosen = typeof values.topic === 'string' ? values.topic : '';
  const options = topics
    .map((tp) => `<option value="${escape(tp.slug)}"${tp.slug === chosen ? ' selected' : ''}>${escape(topicName(tp, language))}</option>`)
    .join('');
  const invalid = (on: boolean) => (on ? ' aria-invalid="true"' : '');
  const field = (on: boolean) => `field${on ? ' invalid' : ''}`;
  const title = text(language, 'formTitle');

  const body = `
${errorSummary(errors, language)}
<h1>${escape(title)}</h1>
<p>${t('formIntro')}</p>
<form method="post" action="${escape(withLanguage('/contact', language))}" enctype="multipart/form-data" novalidate>
  <input type="hidden" name="lang" value="${language}">
  <input type="hidden" name="submission" value="${escape(submission)}">
  <div class="${field(name.invalid)}">
    <label for="name">${t('name')} *</label>
    ${name.html}
    <input type="text" id="name" name="name" autocomplete="name" maxlength="200" required value="${v('name')}"${invalid(name.invalid)}${describedBy(name.describedBy)}>
  </div>
  <fieldset class="${field(contact.invalid)}" aria-describedby="contact-hint${contact.describedBy ? ` ${contact.describedBy}` : ''}">
    <legend>${t('contactMethod')} *</legend>
    <p class="hint" id="contact-hint">${t('contactMethodHint')}</p>
    ${contact.html}
    <div class="field">
      <label for="email">${t('email')}</label>
      <input type="email" id="email" name="email" autocomplete="email" spellcheck="false" maxlength="254" value="${v('email')}"${invalid(errors.some((e) => e.field === 'email' || e.field === 'contact'))}>
    </div>
    <div class="field">
      <label for="phone">${t('phone')}</label>
      <input type="tel" id="phone" name="phone" autocomplete="tel" maxlength="40" value="${v('phone')}"${invalid(errors.some((e) => e.field === 'phone'))}>
    </div>
  </fieldset>
  <div class="${field(topic.invalid)}">
    <label for="topic">${t('topic')}</label>
    <p class="hint" id="topic-hint">${t('topicHint')}</p>
    ${topic.html}
    <select id="topic" name="topic"${invalid(topic.invalid)}${describedBy('topic-hint', topic.describedBy)}>
      <option value="">${t('topicUnknown')}</option>${options}
    </select>
  </div>
  <div class="${field(subject.invalid)}">
    <label for="subject">${t('subject')}</label>
    ${subject.html}
    <input type="text" id="subject" name="subject" maxlength="200" value="${v('subject')}"${invalid(subject.invalid)}${describedBy(subject.describedBy)}>
  </div>
  <div class="${field(message.invalid)}">
    <label for="message">${t('message')} *</label>
    ${message.html}
    <textarea id="message" name="message" rows="8" maxlength="20000" required${invalid(message.invalid)}${describedBy(message.describedBy)}>${v('message')}</textarea>
  </div>
  <div class="${field(attachments.invalid)}">
    <label for="attachments">${t('attachments')}</label>
    <p class="hint" id="attachments-hint">${t('attachmentsHint')}</p>
    ${attachments.html}
    <input type="file" id="attachments" name="attachments" multiple accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.tif,.tiff,.heic,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.rtf"${invalid(attachments.invalid)}${describedBy('attachments-hint', attachments.describedBy)}>
  </div>
  <div class="hp" aria-hidden="true">
    <label for="website">${t('honeypot')}</label>
    <input type="text" id="website" name="website" tabindex="-1" autocomplete="off">
  </div>
  <button type="submit">${t('send')}</button>
</form>`;
  return layout({ language, title: errors.length > 0 ? `${text(language, 'errorSummaryTitle')}: ${title}` : title, switchHref: withLanguage('/contact', language === 'da' ? 'en' : 'da'), body });
}
