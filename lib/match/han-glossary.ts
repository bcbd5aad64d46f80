/**
 * Common words of Chinese organisation names, read as the English words their official English names use:
 * 华为技术有限公司 is "Huawei Technologies Co., Ltd.", 中国电子科技集团公司 "China Electronics Technology
 * Group Corporation", 新疆维吾尔自治区公安厅 "Xinjiang Uighur Autonomous Region Public Security
 * Department". The name's own part (华为, 大华, 新疆) is still read in pinyin and pairs with its English
 * spelling; only the generic words, the administrative words and the legal forms are translated.
 *
 * Written by us (November 2026) from the usual translations of these words in the official English names
 * of Chinese companies, government bodies and institutes (Simplified and Traditional forms). Applied only to runs of four or more Han characters: personal
 * names are two to four characters and are left to the readings in han-readings.ts.
 */

/** Chinese forms (separated by |) and the English words they are read as. */
const GLOSSARY: ReadonlyArray<readonly [string, string]> = [
  // Legal forms (the legal-form table reads the English forms with the same classes).
  ['股份有限公司|股份公司', 'joint stock company'],
  ['有限责任公司|有限責任公司', 'limited liability company'],
  ['有限公司', 'limited company'],
  ['公司', 'company'],
  // Business words.
  ['集团|集團', 'group'],
  ['控股', 'holding'],
  ['技术|技術|科技', 'technology'],
  ['高科技|高新技术|高新技術', 'high technology'],
  ['数字|數字|数码|數碼', 'digital'],
  ['信息|资讯|資訊', 'information'],
  ['网络|網絡|網路', 'network'],
  ['通信|通讯|通訊', 'communication'],
  ['电信|電信|电讯|電訊', 'telecom'],
  ['电子|電子', 'electronics'],
  ['微电子|微電子', 'microelectronics'],
  ['光电|光電', 'optoelectronics'],
  ['半导体|半導體', 'semiconductor'],
  ['集成电路|積體電路', 'integrated circuit'],
  ['智能', 'intelligent'],
  ['软件|軟件|軟體', 'software'],
  ['系统|系統', 'system'],
  ['设备|設備|器材', 'equipment'],
  ['仪器|儀器', 'instrument'],
  ['视频|視頻|視訊', 'video'],
  ['图像|圖像', 'image'],
  ['安防', 'security'],
  ['安全', 'security'],
  ['监控|監控', 'monitoring'],
  ['工程', 'engineering'],
  ['制造|製造', 'manufacturing'],
  ['机械|機械', 'machinery'],
  ['材料', 'materials'],
  ['能源', 'energy'],
  ['石油', 'petroleum'],
  ['化工', 'chemical'],
  ['航空', 'aviation'],
  ['航天', 'aerospace'],
  ['船舶', 'shipbuilding'],
  ['航运|航運|海运|海運', 'shipping'],
  ['物流', 'logistics'],
  ['国际|國際', 'international'],
  ['环球|環球|全球', 'global'],
  ['贸易|貿易|商贸|商貿', 'trading'],
  ['进出口|進出口', 'import export'],
  ['实业|實業', 'industrial'],
  ['工业|工業', 'industry'],
  ['发展|發展', 'development'],
  ['投资|投資', 'investment'],
  ['管理', 'management'],
  ['咨询|諮詢|顾问|顧問', 'consulting'],
  ['服务|服務', 'services'],
  ['设计|設計', 'design'],
  ['银行|銀行', 'bank'],
  ['保险|保險', 'insurance'],
  ['证券|證券', 'securities'],
  ['研究所|研究院', 'research institute'],
  ['研究中心', 'research center'],
  ['大学|大學', 'university'],
  ['学院|學院', 'institute'],
  // Provinces, regions and the largest cities, which open most company names (generic words: stopwords.ts).
  ['北京', 'beijing'],
  ['上海', 'shanghai'],
  ['天津', 'tianjin'],
  ['重庆|重慶', 'chongqing'],
  ['广东|廣東', 'guangdong'],
  ['浙江', 'zhejiang'],
  ['江苏|江蘇', 'jiangsu'],
  ['山东|山東', 'shandong'],
  ['河南', 'henan'],
  ['河北', 'hebei'],
  ['湖南', 'hunan'],
  ['湖北', 'hubei'],
  ['四川', 'sichuan'],
  ['福建', 'fujian'],
  ['安徽', 'anhui'],
  ['江西', 'jiangxi'],
  ['辽宁|遼寧', 'liaoning'],
  ['黑龙江|黑龍江', 'heilongjiang'],
  ['陕西|陝西', 'shaanxi'],
  ['山西', 'shanxi'],
  ['云南|雲南', 'yunnan'],
  ['贵州|貴州', 'guizhou'],
  ['广西|廣西', 'guangxi'],
  ['海南', 'hainan'],
  ['甘肃|甘肅', 'gansu'],
  ['青海', 'qinghai'],
  ['宁夏|寧夏', 'ningxia'],
  ['新疆', 'xinjiang'],
  ['西藏', 'xizang'],
  ['香港', 'hongkong'],
  ['澳门|澳門', 'macau'],
  ['深圳', 'shenzhen'],
  ['杭州', 'hangzhou'],
  ['广州|廣州', 'guangzhou'],
  ['南京', 'nanjing'],
  ['武汉|武漢', 'wuhan'],
  ['成都', 'chengdu'],
  ['苏州|蘇州', 'suzhou'],
  ['厦门|廈門', 'xiamen'],
  ['青岛|青島', 'qingdao'],
  ['大连|大連', 'dalian'],
  ['宁波|寧波', 'ningbo'],
  ['合肥', 'hefei'],
  ['长沙|長沙', 'changsha'],
  ['郑州|鄭州', 'zhengzhou'],
  ['沈阳|瀋陽', 'shenyang'],
  ['哈尔滨|哈爾濱', 'harbin'],
  ['无锡|無錫', 'wuxi'],
  ['东莞|東莞', 'dongguan'],
  ['佛山', 'foshan'],
  ['珠海', 'zhuhai'],
  // Government and state.
  ['中国|中國', 'china'],
  ['国家|國家', 'national'],
  ['人民', 'people'],
  ['公安', 'public security'],
  ['国家安全|國家安全', 'state security'],
  ['解放军|解放軍', 'liberation army'],
  ['军区|軍區', 'military region'],
  ['部队|部隊', 'unit'],
  ['自治区|自治區', 'autonomous region'],
  ['自治州', 'autonomous prefecture'],
  ['省', 'province'],
  ['市', 'city'],
  ['区|區', 'district'],
  ['县|縣', 'county'],
  ['局', 'bureau'],
  ['厅|廳', 'department'],
];

/** Fewest Han characters in a run the glossary reads (organisation names; personal names are shorter). */
const MIN_RUN = 4;

let table: Map<string, string> | null = null;
let longest = 0;

function glossary(): Map<string, string> {
  if (table) return table;
  table = new Map();
  for (const [forms, english] of GLOSSARY) {
    for (const form of forms.split('|')) {
      table.set(form, english);
      longest = Math.max(longest, form.length);
    }
  }
  return table;
}

/** A piece of a Han run: Han characters to read in pinyin, or the English words for a glossary term. */
export interface HanPiece {
  text: string;
  english: boolean;
}

/**
 * A run of Han characters split into glossary terms (longest first, from the left) and the characters
 * between them; null when the run is shorter than MIN_RUN or holds no term.
 */
export function hanPieces(run: string): HanPiece[] | null {
  if (run.length < MIN_RUN) return null;
  const words = glossary();
  const out: HanPiece[] = [];
  let pending = '';
  let found = false;
  for (let i = 0; i < run.length; ) {
    let term = '';
    // A one-character word (市, 局) only after a place name or another word, not opening the run.
    for (let len = Math.min(longest, run.length - i); len >= (i === 0 ? 2 : 1) && !term; len--) {
      const piece = run.slice(i, i + len);
      if (words.has(piece)) term = piece;
    }
    if (!term) {
      pending += run[i];
      i++;
      continue;
    }
    if (pending) out.push({ text: pending, english: false });
    pending = '';
    out.push({ text: words.get(term)!, english: true });
    found = true;
    i += term.length;
  }
  if (pending) out.push({ text: pending, english: false });
  return found ? out : null;
}
