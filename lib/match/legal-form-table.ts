/**
 * The project's own table of legal-form descriptors found inside organisation names.
 * Written from company-law knowledge (not copied from any list); `npm run eval:match` measures its coverage
 * against OpenSanctions rigour's org_types.yml. Forms are written as they appear and normalised on load.
 *
 * Classes: llc (limited liability), jsc (joint-stock / public company), soe (state-owned or state unitary
 * enterprise: a red flag for the rule set), lp/gp (partnerships), coop, ngo, sp (sole proprietor),
 * fin (fund/trust vehicles), branch.
 */
export type LegalFormClass = 'llc' | 'jsc' | 'soe' | 'lp' | 'gp' | 'coop' | 'ngo' | 'sp' | 'fin' | 'branch';

export const LEGAL_FORM_TABLE: ReadonlyArray<readonly [LegalFormClass, string]> = [
  // English-speaking world
  [
    'llc',
    'LLC|L.L.C.|Limited Liability Company|Limited Liability Co|Ltd|Ltd.|Limited|Co Ltd|Co. Ltd.|Company Limited|Pty Ltd|Pty|Proprietary Limited|Pvt Ltd|Private Limited|Private Limited Company|Pvt|PLLC|LC|L.C.|Ltda|Limitada',
  ],
  [
    'jsc',
    'Inc|Inc.|Incorporated|Corp|Corp.|Corporation|Co|Co.|Company|Companies|PLC|P.L.C.|Public Limited Company|Public Company Limited|PCL|Public Co Ltd|Holdings Plc|Public Company',
  ],
  ['lp', 'LP|L.P.|Limited Partnership|LLP|L.L.P.|Limited Liability Partnership|LLLP'],
  ['gp', 'GP|General Partnership|Partnership'],
  ['sp', 'Sole Proprietorship|Sole Proprietor|Sole Trader|Proprietorship'],
  [
    'ngo',
    'Foundation|NGO|Non-Governmental Organization|Non-Profit|Nonprofit|Charity|Charitable Trust|Association|Society|Stiftung|e.V.|eingetragener Verein|Verein|Fundacion|Fundación|Fondation|Fondazione|Associazione|Asociación|Asociacion|Stichting|Vereniging|ANO|Avtonomnaya Nekommercheskaya Organizatsiya|Autonomous Non-Profit Organization|NKO|Obshchestvennaya Organizatsiya',
  ],
  [
    'coop',
    'Cooperative|Co-operative|Co-op|Coop|Cooperativa|Coopérative|Genossenschaft|eG|e.G.|Kooperatif|Cooperatief|Coöperatie|Spółdzielnia|Druzstvo|Družstvo|Selskokhozyaystvenny Proizvodstvenny Kooperativ|SPK|PK|Proizvodstvenny Kooperativ|Hop Tac Xa|Hợp tác xã|Wll|W.L.L.',
  ],
  ['fin', 'Trust|Fund|Investment Fund|SICAV|SICAF|OEIC|Unit Trust|REIT|FCP|UCITS|Investment Trust'],
  ['branch', 'Branch|Branch Office|Filial|Filiale|Representative Office|Rep Office|Predstavitelstvo'],
  // German-speaking world, Nordics, Benelux
  [
    'llc',
    'GmbH|G.m.b.H.|Gesellschaft mit beschränkter Haftung|Gesellschaft mbH|mbH|UG|UG haftungsbeschränkt|Unternehmergesellschaft|GesmbH|Ges.m.b.H.|BV|B.V.|Besloten Vennootschap|BVBA|B.V.B.A.|SRL|BV BA|ApS|Anpartsselskab|Oy|Osakeyhtiö|OÜ|Osaühing|SIA|UAB|Uždaroji akcinė bendrovė|Kft|Kft.|Korlátolt felelősségű társaság|s.r.o.|sro|spol. s r.o.|spol s ro|Společnost s ručením omezeným|Spoločnosť s ručením obmedzeným|Sp. z o.o.|Spzoo|Sp z oo|Spółka z ograniczoną odpowiedzialnością|d.o.o.|doo|Društvo s ograničenom odgovornošću|Društvo sa ograničenom odgovornošću|Družba z omejeno odgovornostjo|EOOD|OOD|Ehf|ehf.|Einkahlutafélag|SARL|S.à r.l.|S.a.r.l.|Société à responsabilité limitée|EURL|SRL|S.R.L.|S.r.l.|Società a responsabilità limitata|Societatea cu răspundere limitată|SL|S.L.|Sociedad Limitada|Sociedad de Responsabilidad Limitada|S. de R.L.|S de RL|S. de R.L. de C.V.|S de RL de CV|Lda|Lda.|EPE|E.P.E.|Etaireia Periorismenis Efthinis|IKE|I.K.E.|AB|Aktiebolag|Aktiebolaget|AS|A/S|Aksjeselskap|Aktieselskab|Aktsiaselts|GK|Godo Kaisha|Yugen Kaisha|YK|Ltd Sti|Ltd. Şti.|Limited Şirketi|Limited Sirketi|Sdn Bhd|Sdn. Bhd.|Sendirian Berhad|Pte Ltd|Pte. Ltd.|Pte|Private Limited Company|TNHH|Công ty trách nhiệm hữu hạn|Cong ty TNHH|Co., Ltd.|FZE|FZCO|FZC|FZ LLC|FZ-LLC|Free Zone Establishment|Free Zone Company|DMCC|LLC FZ|You Xian Gong Si|有限公司|有限责任公司|有限責任公司|Yugen Gaisha',
  ],
  [
    'jsc',
    'AG|A.G.|Aktiengesellschaft|KGaA|Kommanditgesellschaft auf Aktien|SE|S.E.|Societas Europaea|NV|N.V.|Naamloze Vennootschap|SA|S.A.|Société Anonyme|Sociedad Anónima|Sociedade Anónima|Sociedade Anônima|S.A. de C.V.|SA de CV|S.A.B. de C.V.|SAB de CV|S.A.P.I. de C.V.|SAPI de CV|SAS|S.A.S.|Société par actions simplifiée|Sociedad por Acciones Simplificada|SpA|S.p.A.|Società per Azioni|Sociedad por Acciones|SAU|S.A.U.|SAE|S.A.E.|SAL|S.A.L.|SAOG|SAOC|SARL|SPA|Oyj|Julkinen osakeyhtiö|ASA|Allmennaksjeselskap|AB publ|publ|Nyrt|Nyrt.|Zrt|Zrt.|Rt|a.s.|akciová společnost|akciová spoločnosť|Akcinė bendrovė|AB|AS|AD|EAD|A.D.|Dioničko društvo|d.d.|dd|S.A.A.|SAA|SAC|S.A.C.|KK|K.K.|Kabushiki Kaisha|Kabushiki Gaisha|Kabushikigaisha|Chusik Hoesa|Jusik Hoesa|Co Ltd|Tbk|Tbk.|Terbuka|PT|P.T.|Perseroan Terbatas|Bhd|Berhad|Public Joint Stock Company|PJSC|P.J.S.C.|Joint Stock Company|JSC|J.S.C.|Joint-Stock Company|Open Joint Stock Company|OJSC|Closed Joint Stock Company|CJSC|Private Joint Stock Company|PrJSC|PrAT|Public JSC|JSCo|AO|A.O.|Aktsionernoe Obshchestvo|Aktsionernoye Obshchestvo|OAO|Otkrytoe Aktsionernoe Obshchestvo|Otkrytoye Aktsionernoye Obshchestvo|ZAO|Zakrytoe Aktsionernoe Obshchestvo|Zakrytoye Aktsionernoye Obshchestvo|PAO|Publichnoe Aktsionernoe Obshchestvo|Publichnoye Aktsionernoye Obshchestvo|NAO|Nepublichnoe Aktsionernoe Obshchestvo|AT|PAT|PrAT|Akcionerne Tovarystvo|Aktsionerne Tovarystvo|Publichne Aktsionerne Tovarystvo|Pryvatne Aktsionerne Tovarystvo|AAT|ASC|Anonim Şirketi|Anonim Sirketi|A.Ş.|AS|Anonim Şirket|Sherkat Sahami Khas|Sherkat Sahami Aam|PJS|Sahami Khass|Sahami Aam|Gu Fen You Xian Gong Si|股份有限公司|股份公司|Kabushiki-gaisha|Chushik Hoesa|Jusikhoesa|Ltd PLC|Public Joint-Stock Company',
  ],
  [
    'llc',
    'OOO|Obshchestvo s Ogranichennoy Otvetstvennostyu|Obshchestvo s Ogranichennoi Otvetstvennostiu|Obshestvo s Ogranichennoy Otvetstvennostyu|TOO|Tovarishchestvo s Ogranichennoy Otvetstvennostyu|TOV|Tovarystvo z Obmezhenoyu Vidpovidalnistyu|Tovarystvo z Obmezhenoiu Vidpovidalnistiu|MChJ|Mas’uliyati Cheklangan Jamiyat|MMC|Mehdud Mesuliyyetli Cemiyyet|MChP|ODO|Sherkat Ba Masouliat Mahdoud|Sherkat-e Ba Masouliat-e Mahdoud|Ba Masouliat Mahdoud|Sherkat ba Masouliyat Mahdood',
  ],
  [
    'sp',
    'IP|Individualny Predprinimatel|Individual Entrepreneur|FOP|Fizychna Osoba Pidpryiemets|ChP|Chastnoe Predpriyatie|Private Enterprise|PP|Pryvatne Pidpryiemstvo|EI|Entreprise Individuelle|EIRL|Einzelunternehmen|e.K.|eK|Eingetragener Kaufmann|Empresa Individual de Responsabilidad Limitada|Ditta Individuale|Eenmanszaak|Enkeltmandsvirksomhed|Enskild Firma|Doanh nghiệp tư nhân|DNTN|Proprietorship Firm|Intreprindere Individuala|II',
  ],
  [
    'lp',
    'KG|Kommanditgesellschaft|GmbH & Co KG|GmbH & Co. KG|CV|C.V.|Commanditaire Vennootschap|SCS|Société en commandite simple|SCA|Société en commandite par actions|S en C|S. en C.|Sociedad en Comandita|Sociedad en Comandita por Acciones|SAS|Sas|Sapa|S.a.p.a.|KS|K/S|Kommanditselskab|Kommandittselskap|Kommanditbolag|KB|Ky|Kommandiittiyhtiö|Bt|Bt.|Betéti társaság|k.s.|Komanditní společnost|Sp. k.|Spółka komandytowa|KD|k.d.|Komanditno društvo|Tovarishchestvo na Vere|Kommanditnoe Tovarishchestvo',
  ],
  [
    'gp',
    'OHG|oHG|Offene Handelsgesellschaft|GbR|Gesellschaft bürgerlichen Rechts|Partnerschaftsgesellschaft|PartG|VOF|V.O.F.|Vennootschap onder Firma|SNC|S.N.C.|Société en nom collectif|Sociedad Colectiva|S.C.|Società in nome collettivo|I/S|Interessentskab|Ansvarlig Selskab|ANS|DA|HB|Handelsbolag|Ay|Avoin Yhtiö|Kkt|v.o.s.|Veřejná obchodní společnost|Sp. j.|Spółka jawna|Polnoe Tovarishchestvo|Gomei Kaisha|合名会社|Goshi Kaisha|合資会社',
  ],
  // State-owned and state unitary enterprises: the rule set's state-owned end-user red flag.
  [
    'soe',
    'FGUP|F.G.U.P.|Federalnoe Gosudarstvennoe Unitarnoe Predpriyatie|Federal State Unitary Enterprise|Federal State Unitary Company|GUP|G.U.P.|Gosudarstvennoe Unitarnoe Predpriyatie|State Unitary Enterprise|MUP|M.U.P.|Munitsipalnoe Unitarnoe Predpriyatie|Municipal Unitary Enterprise|FKP|Federalnoe Kazennoe Predpriyatie|Federal Treasury Enterprise|Federal State-Owned Enterprise|KP|Kazennoe Predpriyatie|FGBU|Federalnoe Gosudarstvennoe Byudzhetnoe Uchrezhdenie|Federal State Budgetary Institution|FGAU|Federal State Autonomous Institution|FGKU|Federal State Treasury Institution|FGBUN|FGBOU|FGAOU|Federal State Budgetary Educational Institution|GBU|GKU|GAU|Goskorporatsiya|Gosudarstvennaya Korporatsiya|State Corporation|DP|Derzhavne Pidpryiemstvo|State Enterprise|DK|Derzhavna Kompaniia|State Company|KP|Komunalne Pidpryiemstvo|Communal Enterprise|RUP|Respublikanskoe Unitarnoe Predpriyatie|Republican Unitary Enterprise|UP|Unitarnoe Predpriyatie|Unitary Enterprise|GNPP|Gosudarstvennoe Nauchno-Proizvodstvennoe Predpriyatie|State Scientific and Production Enterprise|RGP|Respublikanskoe Gosudarstvennoe Predpriyatie|Republican State Enterprise|RGKP|State-Owned Enterprise|State Owned Enterprise|State-Owned Company|State Owned Company|SOE|Government-Owned Corporation|Government Owned Corporation|GOCC|Government Company|Public Sector Undertaking|PSU|Public Sector Enterprise|Crown Corporation|Crown Entity|Statutory Corporation|Statutory Body|Empresa Pública|Empresa Publica|Empresa Estatal|Empresa del Estado|Empresa de Propiedad Estatal|Sociedad del Estado|S.E.|Entreprise Publique|Établissement Public|Etablissement Public|EPIC|Établissement public à caractère industriel et commercial|Etablissement Public à Caractère Industriel et Commercial|Ente Pubblico|Ente Pubblico Economico|Azienda Autonoma|Anstalt des öffentlichen Rechts|AöR|Körperschaft des öffentlichen Rechts|KdöR|KöR|Eigenbetrieb|Kommunalunternehmen|Staatsbedrijf|Statsforetak|Statsföretag|Valtion Liikelaitos|Liikelaitos|Przedsiębiorstwo Państwowe|Státní Podnik|s.p.|Štátny Podnik|Javno Preduzeće|Javno Poduzeće|JP|Javno Podjetje|Javno Pretprijatie|Državno Podjetje|Doanh nghiệp nhà nước|DNNN|Công ty Nhà nước|Guo You Qi Ye|国有企业|国营企业|Guo Ying Qi Ye|Guo You Du Zi|国有独资|Guo You Du Zi Gong Si|Shi Ye Dan Wei|事业单位|Kongsi Negara|BUMN|Badan Usaha Milik Negara|Perum|Perusahaan Umum|Persero|Perusahaan Perseroan|State Economic Enterprise|KIT|Kamu İktisadi Teşekkülü|Kamu Iktisadi Tesekkulu|İktisadi Devlet Teşekkülü|IDT|Sherkat-e Dolati|Sherkat Dolati|Kaisha Kokuei|Tokushu Hojin|Public Enterprise|Public Corporation|Government Enterprise|Parastatal|State Concern|Goskontsern|Derzhavnyi Kontsern',
  ],
];
