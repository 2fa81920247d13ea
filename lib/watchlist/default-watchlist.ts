/**
 * The watchlist a new install starts with, for a coastal border province like
 * Kiên Giang (islands, the Gulf of Thailand, a land border with Cambodia).
 * Monitors edit it in the options page; this is only a sensible start.
 *
 * One term per language (Hoàng Sa, Paracel, Xisha, 西沙 …) rather than one term
 * with every language as variants: which language a page uses tells the
 * monitor who is talking. `concept` ties them back together. Variants carry
 * plurals, traditional characters, other scripts and names. Every Vietnamese
 * form also gets its spelling without diacritics (added below): folding would
 * match it anyway, but the monitor sees it in the list and it survives export
 * to a tool that does not fold.
 * Bare Chinese characters that also occur inside everyday words (富国 in
 * 富国强兵) are only listed in a longer, unambiguous form.
 */
import type { WatchGroup, WatchTerm } from './watchlist';

/** "Phú Quốc" → "Phu Quoc": the spelling of Vietnamese typed without a Vietnamese keyboard. */
export function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

function addPlainSpellings(term: WatchTerm): WatchTerm {
  if (term.lang !== 'vi') return term;
  const forms = [term.term, ...(term.variants ?? [])];
  const variants = [...(term.variants ?? [])];
  for (const form of forms) {
    const plain = withoutDiacritics(form);
    if (!forms.includes(plain) && !variants.includes(plain)) variants.push(plain);
  }
  return variants.length ? { ...term, variants } : term;
}

const GROUPS: WatchGroup[] = [
  {
    id: 'sovereignty-seas-islands',
    name: 'Chủ quyền biển đảo',
    color: '#d32f2f',
    category: 'sovereignty-sea-islands',
    terms: [
      { term: 'Hoàng Sa', lang: 'vi', concept: 'paracel-islands', variants: ['Hoang Sa'] },
      { term: 'Paracel', lang: 'en', concept: 'paracel-islands', variants: ['Paracels', 'Paracel Islands', 'Paracel archipelago'] },
      { term: 'Xisha', lang: 'en', concept: 'paracel-islands', variants: ['Xisha Islands'] },
      { term: '西沙', lang: 'zh', concept: 'paracel-islands', variants: ['西沙群岛', '西沙群島'] },
      { term: 'Trường Sa', lang: 'vi', concept: 'spratly-islands', variants: ['Truong Sa'] },
      { term: 'Spratly', lang: 'en', concept: 'spratly-islands', variants: ['Spratlys', 'Spratly Islands', 'Spratly archipelago'] },
      { term: 'Nansha', lang: 'en', concept: 'spratly-islands', variants: ['Nansha Islands'] },
      { term: '南沙', lang: 'zh', concept: 'spratly-islands', variants: ['南沙群岛', '南沙群島'] },
      { term: 'Tam Sa', lang: 'vi', concept: 'sansha', variants: ['Sansha', '三沙', '三沙市'] },
      { term: 'Gạc Ma', lang: 'vi', concept: 'johnson-south-reef', variants: ['Gac Ma', 'Johnson South Reef', '赤瓜礁'] },
      { term: 'Tư Chính', lang: 'vi', concept: 'vanguard-bank', variants: ['Tu Chinh', 'Vanguard Bank', '万安滩', '萬安灘'] },
      {
        term: 'đường lưỡi bò',
        lang: 'vi',
        concept: 'nine-dash-line',
        variants: ['đường chín đoạn', 'đường 9 đoạn', 'đường mười đoạn', 'đường 10 đoạn', 'đường đứt đoạn'],
      },
      {
        term: 'nine-dash line',
        lang: 'en',
        concept: 'nine-dash-line',
        variants: ['nine dash line', '9-dash line', '9 dash line', 'ten-dash line', 'ten dash line', '10-dash line', 'U-shaped line'],
      },
      { term: '九段线', lang: 'zh', concept: 'nine-dash-line', variants: ['九段線', '十段线', '十段線', '断续线', '斷續線', 'U形线', 'U形線'] },
      { term: 'Biển Đông', lang: 'vi', concept: 'east-sea', variants: ['Bien Dong'] },
      { term: 'South China Sea', lang: 'en', concept: 'east-sea' },
      { term: 'East Sea', lang: 'en', concept: 'east-sea', variants: ['East Vietnam Sea'] },
      { term: '南海', lang: 'zh', concept: 'east-sea', variants: ['南中国海', '南中國海'] },
      { term: 'chủ quyền', lang: 'vi', concept: 'sovereignty' },
      { term: 'sovereignty', lang: 'en', concept: 'sovereignty' },
      { term: '主权', lang: 'zh', concept: 'sovereignty', variants: ['主權'] },
      { term: 'vùng đặc quyền kinh tế', lang: 'vi', concept: 'eez', variants: ['vùng ĐQKT'] },
      { term: 'exclusive economic zone', lang: 'en', concept: 'eez', variants: ['EEZ', 'EEZs'] },
      { term: '专属经济区', lang: 'zh', concept: 'eez', variants: ['專屬經濟區'] },
    ],
  },
  {
    id: 'province-places',
    name: 'Địa danh của tỉnh',
    color: '#1565c0',
    category: 'provincial-image',
    terms: [
      { term: 'Kiên Giang', lang: 'vi', concept: 'province', variants: ['坚江', '堅江', 'Kramuon Sar'] },
      { term: 'Phú Quốc', lang: 'vi', concept: 'phu-quoc', variants: ['富国岛', '富國島'] },
      { term: 'Thổ Chu', lang: 'vi', concept: 'tho-chu', variants: ['Thổ Châu', 'Poulo Panjang'] },
      { term: 'Nam Du', lang: 'vi', concept: 'nam-du' },
      { term: 'Kiên Hải', lang: 'vi', concept: 'kien-hai' },
      { term: 'Hà Tiên', lang: 'vi', concept: 'ha-tien', variants: ['河仙', 'ហាទៀង'] },
      { term: 'Rạch Giá', lang: 'vi', concept: 'rach-gia', variants: ['迪石'] },
      { term: 'An Thới', lang: 'vi', concept: 'an-thoi' },
      { term: 'Hòn Thơm', lang: 'vi', concept: 'hon-thom' },
      { term: 'vịnh Thái Lan', lang: 'vi', concept: 'gulf-of-thailand', variants: ['Gulf of Thailand', '泰国湾', '泰國灣', 'ឈូងសមុទ្រថៃ'] },
    ],
  },
  {
    id: 'land-border',
    name: 'Biên giới đất liền',
    color: '#2e7d32',
    category: 'border',
    terms: [
      { term: 'biên giới', lang: 'vi', concept: 'border' },
      { term: 'border', lang: 'en', concept: 'border', variants: ['borders'] },
      { term: 'ព្រំដែន', lang: 'km', concept: 'border' },
      { term: 'cột mốc', lang: 'vi', concept: 'border-marker', variants: ['mốc giới', 'mốc quốc giới'] },
      {
        term: 'border marker',
        lang: 'en',
        concept: 'border-marker',
        variants: ['border markers', 'boundary marker', 'boundary markers', 'boundary post', 'boundary posts', 'border post', 'border posts'],
      },
      { term: 'Giang Thành', lang: 'vi', concept: 'giang-thanh' },
      { term: 'Xà Xía', lang: 'vi', concept: 'xa-xia' },
      { term: 'Prek Chak', lang: 'en', concept: 'prek-chak', variants: ['Prek Chak border gate', 'ព្រែកចាក'] },
      { term: 'Kampot', lang: 'en', concept: 'kampot', variants: ['Kâmpôt', 'កំពត'] },
      { term: 'Koh Tral', lang: 'en', concept: 'phu-quoc-irredentism', variants: ['Kaoh Tral', 'Koh Trol', 'កោះត្រល់'] },
      { term: 'Kampuchea Krom', lang: 'en', concept: 'irredentism', variants: ['Kampuchea Kraom', 'កម្ពុជាក្រោម'] },
    ],
  },
];

export const DEFAULT_WATCHLIST: WatchGroup[] = GROUPS.map((group) => ({ ...group, terms: group.terms.map(addPlainSpellings) }));
