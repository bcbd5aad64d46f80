/**
 * Readings of Han characters in names other than Mandarin (which any-ascii gives): the Sino-Korean reading
 * (金正恩 is read 김정은, "Kim Jong Un", not "Jin Zheng En") and the Japanese name reading (山田太郎 is
 * "Yamada Taro", not "Shan Tian Tai Lang"). Compact tables of characters common in personal names, written
 * by us from the standard readings; a name gets an alternative reading only when every Han character in it
 * is in the table, and the scorer keeps the best of the readings.
 */

/** Pairs "漢한" run together: the character, then its Hangul reading. */
const KOREAN_PAIRS =
  // Common surnames.
  '金김李이朴박崔최鄭정姜강趙조尹윤張장林임韓한吳오徐서申신權권黃황安안宋송柳류洪홍全전高고文문孫손梁양裵배' +
  '白백曺조許허南남沈심劉유盧노河하丁정成성車차具구郭곽禹우朱주任임羅나辛신閔민陳진池지嚴엄元원蔡채千천方방' +
  '康강玄현孔공咸함卞변廉염楊양邊변呂여秋추魯노都도蘇소愼신石석宣선薛설馬마吉길周주延연房방魏위表표明명奇기' +
  '潘반王왕琴금玉옥陸육印인孟맹諸제卓탁秦진余여芮예牟모蔣장片편龍용杜두睦목桂계皮피' +
  // Syllables common in given names.
  '正정恩은日일哲철浩호永영英영民민俊준賢현鉉현勳훈熙희珍진眞진真진美미淑숙子자順순愛애貞정惠혜慧혜秀수洙수' +
  '壽수錫석植식基기起기國국鎭진鎮진鐘종宗종鍾종柱주泰태太태大대東동載재在재宰재相상尙상尚상祥상雨우宇우佑우' +
  '友우允윤潤윤源원遠원炫현顯현弘홍興흥光광廣광學학鶴학武무仁인義의禮례智지信신忠충孝효德덕福복容용勇용昌창' +
  '燦찬讚찬贊찬敏민玟민珉민昊호鎬호虎호豪호好호碩석赫혁革혁奎규圭규世세守수樹수海해夏하荷하昇승承승勝승升승' +
  '聖성星성誠성晟성善선先선仙선鮮선娟연姸연然연蓮련敬경慶경京경景경卿경庚경璟경震진振진辰진進진晋진晉진志지' +
  '知지芝지之지枝지珠주住주宙주洲주一일二이三삼四사五오六육七칠八팔九구十십萬만中중重중仲중上상下하北북西서' +
  '山산水수火화木목土토天천地지人인心심道도陽양春춘冬동花화松송竹죽梅매蘭란菊국銀은男남女녀兒아娥아雅아亞아' +
  '姬희喜희希희禧희輝휘華화和화弼필必필範범凡범鳳봉奉봉峯봉峰봉旭욱郁욱昱욱薰훈訓훈亨형炯형衡형馨형榮영映영' +
  '泳영瑛영盈영根근斗두奎규鉉현錫석振진哲철徹철喆철秀수洛락樂락來래萊래亮량良량烈렬列렬律률栗률倫륜崙륜' +
  '利리理리里리麗려旅려女여汝여蓮연練련鍊련爛란欄란乭돌乙을恩은銀은殷은垠은誾은雲운云운運운芸운耘운' +
  '哲철喆철鎬호皓호晧호瑚호湖호浩호豪호淳순純순舜순珣순洵순植식湜식寔식軾식息식玉옥沃옥鈺옥旿오晤오梧오' +
  '午오悟오澤택宅택澤택鐸탁卓탁琢탁彬빈斌빈濱빈賓빈瑞서書서舒서敍서緖서曙서序서抒서薯서嶼서胥서' +
  '日일壹일逸일溢일鎰일佾일光광珖광洸광炅경璟경烱형瀅형泂형亨형玄현賢현鉉현炫현絃현弦현見견堅견甄견' +
  '國국局국菊국鞠국兵병秉병炳병昞병柄병丙병並병禹우祐우瑀우堣우遇우寓우宇우羽우于우又우尤우遵준埈준晙준' +
  '峻준浚준駿준竣준準준雋준俊준寯준進진軍군君군群군郡군昆곤坤곤崑곤錕곤琨곤滾곤悌제濟제齊제帝제提제堤제' +
  '載재哉재栽재材재財재才재齋재宰재梓재容용鏞용溶용湧용踊용鎔용墉용傭용庸용涌용';

/** Reading of a Han character as the first syllable of a Korean name (the surname), when it differs. */
const KOREAN_SURNAME: Record<string, string> = { 金: '김', 李: '이', 柳: '류', 劉: '유', 羅: '나', 林: '임' };

let korean: Map<string, string> | null = null;

function koreanTable(): Map<string, string> {
  if (korean) return korean;
  korean = new Map();
  const chars = [...KOREAN_PAIRS];
  for (let i = 0; i + 1 < chars.length; i += 2) {
    if (!korean.has(chars[i]!)) korean.set(chars[i]!, chars[i + 1]!);
  }
  korean.set('金', '금'); // as a given-name syllable; as a surname, 김
  return korean;
}

/**
 * Japanese name readings, "漢:reading" separated by spaces. One reading per character, the one names use
 * most (kun for surnames such as 山 yama, 田 da; on or nanori for given names); long vowels are written
 * short, as passports and lists do (Taro, Yuko), and voiced forms plain (田 ta, not da: the scorer
 * forgives one letter).
 */
const JAPANESE_LIST =
  '山:yama 田:ta 中:naka 太:ta 郎:ro 花:hana 子:ko 木:ki 村:mura 本:moto 川:kawa 井:i 藤:to 佐:sa 鈴:suzu ' +
  '高:taka 小:ko 林:bayashi 松:matsu 森:mori 石:ishi 原:hara 野:no 口:guchi 上:ue 下:shita 大:o 西:nishi ' +
  '東:higashi 北:kita 南:minami 清:kiyo 水:mizu 池:ike 岡:oka 島:shima 橋:hashi 一:ichi 二:ji 三:zo 正:masa ' +
  '和:kazu 明:aki 美:mi 恵:e 健:ken 誠:makoto 博:hiro 浩:hiro 直:nao 安:a 雄:o 夫:o 男:o 次:ji 信:nobu ' +
  '義:yoshi 幸:yuki 秀:hide 英:hide 晋:shin 倍:be 部:be 加:ka 伊:i 斎:sai 遠:to 近:kon 前:mae 後:go ' +
  '長:naga 谷:ya 渡:wata 辺:nabe 边:nabe 邊:nabe 菊:kiku 竹:take 千:chi 葉:ba 宮:miya 内:uchi 野:no ' +
  '工:ku 吉:yoshi 福:fuku 岩:iwa 金:kane 坂:saka 平:hira 久:hisa 保:ho 武:take 沢:zawa 澤:zawa 青:ao ' +
  '藤:fuji 杉:sugi 荒:ara 菅:suga 新:nii 今:ima 市:ichi 永:naga 浅:asa 横:yoko 酒:saka 関:seki 河:kawa ' +
  '丸:maru 堀:hori 星:hoshi 桜:sakura 春:haru 秋:aki 夏:natsu 冬:fuyu 雪:yuki 月:tsuki 日:hi 光:hikari ' +
  '真:ma 由:yu 理:ri 奈:na 香:ka 里:ri 愛:ai 優:yu 裕:yu 陽:yo 翔:sho 大:dai 輔:suke 介:suke 助:suke ' +
  '彦:hiko 樹:ki 也:ya 哉:ya 弘:hiro 宏:hiro 隆:taka 孝:taka 貴:taka 剛:tsuyoshi 修:osamu 茂:shige ' +
  '勇:isamu 豊:yutaka 進:susumu 実:minoru 恭:kyo 京:kyo 智:tomo 友:tomo 知:tomo 朋:tomo 俊:toshi ' +
  '敏:toshi 利:toshi 寿:toshi 康:yasu 泰:yasu 靖:yasu 昭:aki 章:aki 晃:aki 彰:aki 徳:nori 典:nori ' +
  '紀:ki 規:nori 克:katsu 勝:katsu 功:isao 治:ji 二:ji 司:tsukasa 文:fumi 史:fumi 純:jun 順:jun ' +
  '潤:jun 淳:jun 洋:hiro 海:umi 涼:ryo 良:yoshi 亮:ryo 竜:ryu 龍:ryu 隆:ryu 悠:yu 勉:tsutomu 稔:minoru ' +
  '栄:sakae 昌:masa 雅:masa 政:masa 将:masa 道:michi 通:michi 子:ko 枝:e 江:e 絵:e 代:yo 世:yo ' +
  '恵:megumi 咲:saki 早:sa 紗:sa 沙:sa 彩:aya 綾:aya 麻:ma 舞:mai 桃:momo 菜:na 那:na 乃:no ' +
  '野:no 瀬:se 田:ta 原:hara 岡:oka 屋:ya 宅:yake 三:mi 宅:yake 城:shiro 尾:o 根:ne 崎:saki 﨑:saki ' +
  '浜:hama 濱:hama 津:tsu 戸:to 門:kado 林:hayashi 元:moto 畑:hata 矢:ya 羽:ha 生:o 町:machi 杉:sugi';

let japanese: Map<string, string> | null = null;

function japaneseTable(): Map<string, string> {
  if (japanese) return japanese;
  japanese = new Map();
  for (const pair of JAPANESE_LIST.split(' ')) {
    const [ch, reading] = pair.split(':');
    if (ch && reading && !japanese.has(ch)) japanese.set(ch, reading);
  }
  return japanese;
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const KANA = /[\u3040-\u30ff]/;

export function hasHan(s: string): boolean {
  return HAN.test(s);
}

/**
 * The name with its Han characters read in Korean (as Hangul, romanised later like any Hangul name), or
 * null when a character has no reading in the table.
 */
export function koreanReading(name: string): string | null {
  if (KANA.test(name)) return null;
  const table = koreanTable();
  let ok = true;
  const out = name.replace(HAN_RUN, (run) => {
    const chars = [...run];
    return chars
      .map((ch, i) => {
        const r = (i === 0 && chars.length >= 2 ? KOREAN_SURNAME[ch] : undefined) ?? table.get(ch);
        if (!r) ok = false;
        return r ?? ch;
      })
      .join('');
  });
  return ok ? out : null;
}

/**
 * The name with its Han characters read as a Japanese name, in Latin letters, or null when a character has
 * no reading in the table. A run of kanji written without a space is split where Japanese names usually
 * split: 2 + 2 for four characters, 1 + 1 for two; three or five characters give both splits.
 */
export function japaneseReadings(name: string): string[] {
  const table = japaneseTable();
  const runs = name.match(HAN_RUN) ?? [];
  if (runs.length === 0) return [];
  for (const run of runs) for (const ch of run) if (!table.has(ch)) return [];
  const read = (chars: string[]) => chars.map((c) => table.get(c)!).join('');
  let outs = [name];
  for (const run of runs) {
    const chars = [...run];
    const n = chars.length;
    // Written with a space ("田中 花子"), each run is already one part of the name.
    const splits =
      runs.length > 1 ? [0] : n === 2 ? [1] : n === 3 ? [1, 2] : n === 4 ? [2] : n === 5 ? [2, 3] : [0];
    const spelled = splits.map((k) =>
      k === 0 ? read(chars) : ` ${read(chars.slice(0, k))} ${read(chars.slice(k))} `,
    );
    outs = outs.flatMap((o) => spelled.map((sp) => o.replace(run, sp)));
  }
  return outs.map((o) => o.replace(/\s+/g, ' ').trim());
}
