import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@kontakt/identity';
import { SurveyAnswerDto } from '../api/reports.dto';
import { escape, PAGE_HEADERS, pageLanguage, PageLanguage } from '../page/html';
import { Surveys } from './surveys';

const TEXTS = {
  da: {
    title: 'Hvordan gik det?', question: (ref: string) => `Hvor tilfreds er du med hjælpen i sag ${ref}?`,
    scale: ['Meget utilfreds', 'Utilfreds', 'Hverken eller', 'Tilfreds', 'Meget tilfreds'], send: 'Send svar',
    thanks: 'Tak for dit svar.', already: 'Du har allerede svaret. Tak.', missing: 'Linket er ikke gyldigt.', other: 'English',
  },
  en: {
    title: 'How did we do?', question: (ref: string) => `How satisfied are you with the help on case ${ref}?`,
    scale: ['Very dissatisfied', 'Dissatisfied', 'Neither', 'Satisfied', 'Very satisfied'], send: 'Send answer',
    thanks: 'Thank you for your answer.', already: 'You have already answered. Thank you.', missing: 'This link is not valid.', other: 'Dansk',
  },
};

function page(lang: PageLanguage, body: string, switchTo?: string): string {
  const other = switchTo ? `<p><a href="${escape(switchTo)}" lang="${lang === 'da' ? 'en' : 'da'}">${TEXTS[lang].other}</a></p>` : '';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(TEXTS[lang].title)} – Kontakt</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}
fieldset{border:1px solid #999;padding:1rem}label{display:block;padding:.3rem 0}button{margin-top:1rem;padding:.5rem 1rem}</style></head>
<body><main>${other}<h1>${escape(TEXTS[lang].title)}</h1>${body}</main></body></html>`;
}

/** The citizen's one-question survey page (no script; Danish or English by the case, `?lang=` to switch). */
@ApiExcludeController()
@Public()
@Controller('survey')
export class SurveyPagesController {
  constructor(private readonly surveys: Surveys) {}

  @Get(':token')
  async show(@Param('token') token: string, @Query('lang') langParam: string | undefined, @Res() res: Response) {
    const found = await this.surveys.find(token);
    res.set(PAGE_HEADERS).type('html');
    if (!found) return res.status(404).send(page(pageLanguage(langParam), `<p>${TEXTS[pageLanguage(langParam)].missing}</p>`));
    const lang = langParam ? pageLanguage(langParam) : found.language;
    const t = TEXTS[lang];
    const switchTo = `/survey/${token}?lang=${lang === 'da' ? 'en' : 'da'}`;
    if (found.score !== null) return res.send(page(lang, `<p>${t.already}</p>`, switchTo));
    const options = t.scale.map((label, i) => `<label><input type="radio" name="score" value="${i + 1}" required> ${i + 1} – ${escape(label)}</label>`).join('');
    return res.send(page(lang, `<form method="post" action="/survey/${escape(token)}?lang=${lang}"><fieldset><legend>${escape(t.question(found.reference))}</legend>${options}</fieldset>
<button type="submit">${escape(t.send)}</button></form>`, switchTo));
  }

  @Post(':token')
  @HttpCode(200)
  async answer(@Param('token') token: string, @Query('lang') langParam: string | undefined, @Body() body: SurveyAnswerDto, @Res() res: Response) {
    const lang = pageLanguage(langParam);
    const recorded = await this.surveys.answer(token, body.score);
    res.set(PAGE_HEADERS).type('html').send(page(lang, `<p>${recorded ? TEXTS[lang].thanks : TEXTS[lang].already}</p>`));
  }
}
