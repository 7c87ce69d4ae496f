/**
 * Text normalisation shared by every importer: NFKC, then the CJK radicals supplement and Kangxi
 * radicals (U+2E80–U+2FDF) mapped to their unified ideographs (PDF text may carry ⻔ for 门).
 */

// U+2E80–U+2EF3 (CJK Radicals Supplement) has no NFKC mapping; these are the ones seen in
// government PDFs plus the common simplified radicals.
const RADICALS: Record<string, string> = {
  '⺁': '厂',
  '⺇': '几',
  '⺈': '刀',
  '⺊': '卜',
  '⺌': '小',
  '⺍': '小',
  '⺎': '兀',
  '⺏': '尢',
  '⺐': '尢',
  '⺑': '尢',
  '⺒': '巳',
  '⺓': '幺',
  '⺔': '彐',
  '⺖': '心',
  '⺗': '心',
  '⺘': '手',
  '⺙': '攴',
  '⺛': '旡',
  '⺜': '日',
  '⺝': '月',
  '⺞': '歺',
  '⺟': '母',
  '⺠': '民',
  '⺡': '水',
  '⺢': '水',
  '⺣': '火',
  '⺤': '爪',
  '⺥': '爪',
  '⺦': '丬',
  '⺧': '牛',
  '⺨': '犬',
  '⺩': '王',
  '⺪': '疋',
  '⺫': '目',
  '⺬': '示',
  '⺭': '示',
  '⺮': '竹',
  '⺯': '糸',
  '⺰': '纟',
  '⺱': '网',
  '⺲': '网',
  '⺳': '网',
  '⺴': '网',
  '⺵': '网',
  '⺶': '羊',
  '⺷': '羊',
  '⺸': '羊',
  '⺹': '老',
  '⺺': '肀',
  '⺻': '聿',
  '⺼': '肉',
  '⺽': '臼',
  '⺾': '艹',
  '⺿': '艹',
  '⻀': '艹',
  '⻁': '虎',
  '⻂': '衣',
  '⻃': '覀',
  '⻄': '西',
  '⻅': '见',
  '⻆': '角',
  '⻇': '角',
  '⻈': '讠',
  '⻉': '贝',
  '⻋': '车',
  '⻌': '辶',
  '⻍': '辶',
  '⻎': '辶',
  '⻏': '阝',
  '⻐': '金',
  '⻑': '长',
  '⻒': '长',
  '⻓': '长',
  '⻔': '门',
  '⻕': '门',
  '⻖': '阝',
  '⻗': '雨',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻞': '食',
  '⻟': '食',
  '⻠': '饣',
  '⻡': '飠',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻧': '卤',
  '⻨': '麦',
  '⻩': '黄',
  '⻪': '黾',
  '⻫': '齐',
  '⻬': '齐',
  '⻭': '齿',
  '⻮': '齿',
  '⻯': '龙',
  '⻰': '龙',
  '⻱': '龟',
  '⻲': '龟',
  '⻳': '龟',
};

const RADICAL_RE = /[\u2E80-\u2EF3]/g;

/**
 * `f` with its results for short texts remembered: the same cells and labels are normalised and
 * keyed again and again while a document is read (NFKC costs far more than a lookup). At most
 * 100,000 texts are kept; then the memory starts over.
 */
export function rememberShort<T>(f: (s: string) => T): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    if (s.length > 200) return f(s);
    const hit = seen.get(s);
    if (hit !== undefined) return hit;
    const out = f(s);
    if (seen.size >= 100_000) seen.clear();
    seen.set(s, out);
    return out;
  };
}

/**
 * Texts that NFKC and the radical folding leave as they are: ASCII, the CJK unified ideographs
 * (U+4E00–U+9FFF, none of which decomposes or composes) and 、。. Most cells of a table are such
 * (figures, codes, names), and telling so is cheaper than looking them up.
 */
const STABLE = /^[\u0000-\u007f\u3001\u3002\u4e00-\u9fff]*$/;

/**
 * NFKC plus CJK radical folding. Full-width ASCII and punctuation become half-width (the full-width
 * comma "，" becomes ","; 。 and 、 stay), Kangxi radicals (U+2F00–U+2FD5) fold through NFKC itself.
 */
export const normalizeText: (s: string) => string = (() => {
  const remembered = rememberShort(normalizeOnce);
  return (s: string) => (STABLE.test(s) ? s : remembered(s));
})();

function normalizeOnce(s: string): string {
  return s.normalize('NFKC').replace(RADICAL_RE, (c) => RADICALS[c] ?? c);
}

/** Removes all white space (for comparing labels split over lines or spaced out "其 他 政 府"). */
export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/**
 * "（本级）" closing a unit's name: the department's own organ without its subordinate units. fiscus keeps it in the
 * name of a 本级 budget's unit (a department may publish its 本级 budget beside its whole one); where only the
 * organisation matters (the name's variants in the text, a budget paired with its final account) it is set aside.
 */
export const OWN_ORGAN_SCOPE = /[（(]本级[）)]$/u;

/** A unit's name without its "（本级）". */
export const organName = (unitName: string): string => unitName.replace(OWN_ORGAN_SCOPE, '');
