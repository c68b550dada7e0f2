import type { PageLanguage } from './html';

/** Every text on the manager dashboard, in Danish and English. */
export const DASHBOARD_TEXTS = {
  da: {
    title: 'Kanalomkostninger og service',
    intro: 'Hvad hver kanal koster, hvordan henvendelserne flytter mellem kanaler, og om servicen bliver bedre eller dårligere.',
    period: 'Periode', from: 'Fra', to: 'Til', groupBy: 'Gruppér efter', day: 'Dag', week: 'Uge', month: 'Måned',
    baseline: 'Basisperiode (til besparelse)', costModel: 'Omkostningsmodel', unit: 'Enhedspris pr. henvendelse', activity: 'Aktivitetsbaseret',
    topic: 'Emne', queue: 'Kø', segment: 'Borgersegment', show: 'Vis', other: 'English',
    contacts: 'Henvendelser', digital: 'Digital andel', cost: 'Omkostning', costPerCase: 'Pr. løst sag', savings: 'Besparelse ved kanalskift',
    mixChart: 'Kanalmiks over tid (andel af henvendelser)', costChart: 'Omkostning pr. periode', savingsChart: 'Besparelse mod basismiks pr. periode',
    periods: 'Perioder', channels: 'Kanaler', exports: 'Eksport', openData: 'Åbne data (CSV, tal under 5 skjult)', pdf: 'Månedsrapport (PDF)',
    definitions: 'Definitioner',
    savingsFormula: 'Besparelse = Σ over dage (N_d × Σ_k m_k × p_k,d − Σ_k n_k,d × p_k,d), hvor N_d er dagens henvendelser i alt, n_k,d kanal k\'s henvendelser, m_k kanal k\'s andel af basisperiodens henvendelser og p_k,d kanalens enhedspris den dag. Begge led bruger samme priser, så besparelsen skyldes alene kanalmiksen.',
    percentiles: 'Median og 90 %-fraktil: den mindste varighed, som mindst 50 % / 90 % af sagerne ligger på eller under (nærmeste rang). Varigheder lagres i logaritmiske intervaller (faktor 1,1), og intervallets midtpunkt vises: højst 5 % fra den sande værdi.',
    avoidable: 'Rykker: en indgående henvendelse på en sag, der allerede havde en, før sagen første gang blev løst. Genhenvendelse: en indgående henvendelse inden for 7 dage efter, at en af borgerens sager blev løst.',
    fcr: 'Løst ved første kontakt: løste sager med én indgående henvendelse, som aldrig blev genåbnet. Første svar: første skriftlige svar fra en medarbejder; inden for SLA, når det kom senest ved sagens SLA-frist.',
    models: 'Enhedspris: indgående henvendelser × kanalens enhedspris på dagen. Aktivitetsbaseret: behandlingsminutter × lønomkostning pr. time + kanalens direkte omkostning (porto, opkald, SMS), når kanalen har registreret dem; ellers enhedspris. Kolonnen "Omkostningsmodel" viser hvilken.',
    digitalDef: 'Digital andel: henvendelser via e-mail, webformular og SMS.',
    none: 'Ingen tal i perioden.',
  },
  en: {
    title: 'Channel costs and service',
    intro: 'What each channel costs, how demand moves between channels, and whether service gets better or worse.',
    period: 'Period', from: 'From', to: 'To', groupBy: 'Group by', day: 'Day', week: 'Week', month: 'Month',
    baseline: 'Baseline period (for savings)', costModel: 'Cost model', unit: 'Unit cost per contact', activity: 'Activity-based',
    topic: 'Topic', queue: 'Queue', segment: 'Citizen segment', show: 'Show', other: 'Dansk',
    contacts: 'Contacts', digital: 'Digital share', cost: 'Cost', costPerCase: 'Per resolved case', savings: 'Savings from channel shift',
    mixChart: 'Channel mix over time (share of contacts)', costChart: 'Cost per period', savingsChart: 'Savings against the baseline mix per period',
    periods: 'Periods', channels: 'Channels', exports: 'Export', openData: 'Open data (CSV, counts under 5 suppressed)', pdf: 'Monthly report (PDF)',
    definitions: 'Definitions',
    savingsFormula: 'Savings = Σ over days (N_d × Σ_c m_c × u_c,d − Σ_c n_c,d × u_c,d), where N_d is the day\'s contacts in all channels, n_c,d channel c\'s contacts, m_c channel c\'s share of the baseline period\'s contacts and u_c,d the channel\'s unit cost that day. Both terms use the same costs, so the savings come from the channel mix alone.',
    percentiles: 'Median and 90th percentile: the smallest duration that at least 50 % / 90 % of cases are at or below (nearest rank). Durations are kept in logarithmic buckets (ratio 1.1) and the bucket\'s midpoint is shown: within 5 % of the true value.',
    avoidable: 'Chasing contact: an inbound contact on a case that already had one, before the case was first resolved. Re-contact: an inbound contact within 7 days after one of the citizen\'s cases was resolved.',
    fcr: 'First-contact resolution: resolved cases with one inbound contact that were never reopened. First response: the first written reply by staff; within SLA when it came by the case\'s SLA due time.',
    models: 'Unit cost: inbound contacts × the channel\'s unit cost that day. Activity-based: handling minutes × staff cost per hour + the channel\'s direct cost (postage, calls, SMS) where the channel recorded them; otherwise unit cost. The "Cost model" column says which.',
    digitalDef: 'Digital share: contacts by email, web form and SMS.',
    none: 'No figures in this period.',
  },
} satisfies Record<PageLanguage, Record<string, string>>;

export const CHANNEL_NAMES: Record<PageLanguage, Record<string, string>> = {
  da: { email: 'E-mail', webform: 'Webformular', sms: 'SMS', phone: 'Telefon', post: 'Post', counter: 'Skranke' },
  en: { email: 'Email', webform: 'Web form', sms: 'SMS', phone: 'Phone', post: 'Post', counter: 'Counter' },
};

export const CHANNEL_COLORS: Record<string, string> = {
  email: '#1f6feb', webform: '#2da44e', sms: '#8250df', phone: '#cf222e', post: '#9a6700', counter: '#57606a',
};
