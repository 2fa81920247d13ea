import { describe, expect, it } from 'vitest';
import { articleSlugKey, canonicalizeUrl, isTrackingParam } from '@/lib/dedup/canonicalize-url';

const ARTICLE = 'https://baobien.example/bien-dao/tau-ca-gap-nan-12345.html';

describe('canonicalizeUrl', () => {
  it.each([
    ['plain article is unchanged', ARTICLE, ARTICLE],
    ['http ≡ https', 'http://baobien.example/bien-dao/tau-ca-gap-nan-12345.html', ARTICLE],
    ['upper-case scheme and host', 'HTTPS://BaoBien.Example/bien-dao/tau-ca-gap-nan-12345.html', ARTICLE],
    ['explicit default https port', 'https://baobien.example:443/bien-dao/tau-ca-gap-nan-12345.html', ARTICLE],
    ['explicit default http port', 'http://baobien.example:80/bien-dao/tau-ca-gap-nan-12345.html', ARTICLE],
    ['port 443 typed after http://', 'http://baobien.example:443/bien-dao/tau-ca-gap-nan-12345.html', ARTICLE],
    ['non-default port is kept', 'http://127.0.0.1:8000/pages/x.html', 'https://127.0.0.1:8000/pages/x.html'],
    ['www. host', 'https://www.baobien.example/bien-dao/tau-ca-gap-nan-12345.html', ARTICLE],
    ['m. mobile host', 'https://m.baobien.example/bien-dao/tau-ca-gap-nan-12345.html', ARTICLE],
    ['amp. host', 'https://amp.baobien.example/bien-dao/tau-ca-gap-nan-12345.html', ARTICLE],
    ['a host that is only "amp.tld" keeps its name', 'https://amp.dev/about', 'https://amp.dev/about'],
    ['leading /amp/ path segment', 'https://baobien.example/amp/bien-dao/tau-ca-gap-nan-12345.html', ARTICLE],
    ['trailing /amp segment', 'https://baobien.example/bien-dao/tau-ca-gap-nan-12345.html/amp', ARTICLE],
    ['trailing amp/ with slash', 'https://baobien.example/bien-dao/tau-ca-gap-nan-12345.html/amp/', ARTICLE],
    ['?amp=1 flag', 'https://baobien.example/bien-dao/tau-ca-gap-nan-12345.html?amp=1', ARTICLE],
    ['bare ?amp flag', 'https://baobien.example/bien-dao/tau-ca-gap-nan-12345.html?amp', ARTICLE],
    ['?outputType=amp', 'https://baobien.example/bien-dao/tau-ca-gap-nan-12345.html?outputType=amp', ARTICLE],
    ['.amp.html file', 'https://baobien.example/bien-dao/tau-ca-gap-nan-12345.amp.html', ARTICLE],
    ['trailing slash', 'https://baobien.example/bien-dao/tau-ca-gap-nan-12345.html/', ARTICLE],
    ['index.html is the directory', 'https://baobien.example/chuyen-muc/index.html', 'https://baobien.example/chuyen-muc'],
    ['root keeps its slash', 'https://www.baobien.example', 'https://baobien.example/'],
    ['#comments fragment', `${ARTICLE}#comments`, ARTICLE],
    ['#binh-luan fragment', `${ARTICLE}#binh-luan`, ARTICLE],
    ['text fragment #:~:text=', `${ARTICLE}#:~:text=tau%20ca%20gap`, ARTICLE],
    ['AT Internet #xtor=RSS-3', `${ARTICLE}#xtor=RSS-3`, ARTICLE],
    ['utm_* from a newsletter', `${ARTICLE}?utm_source=newsletter&utm_medium=email&utm_campaign=weekly`, ARTICLE],
    ['Facebook fbclid', `${ARTICLE}?fbclid=IwAR0abcDEF`, ARTICLE],
    ['Google Ads gclid', `${ARTICLE}?gclid=Cj0KCQjw_BwE`, ARTICLE],
    ['Zalo share link', `${ARTICLE}?zarsrc=30&utm_source=zalo&utm_medium=zalo&utm_campaign=zalo`, ARTICLE],
    ['Instagram igshid', `${ARTICLE}?igshid=MzRlODBiNWFlZA==`, ARTICLE],
    ['Mailchimp mc_cid / mc_eid', `${ARTICLE}?mc_cid=6cbfc8325c&mc_eid=5d0cad78b6`, ARTICLE],
    ['Google Analytics _ga linker', `${ARTICLE}?_ga=2.233615458.409217164-643573227.998881952`, ARTICLE],
    ['X/Twitter ref_src', `${ARTICLE}?ref_src=twsrc%5Etfw`, ARTICLE],
    ['referral ref= / source=', `${ARTICLE}?ref=homepage&source=push`, ARTICLE],
    ['WeChat from / isappinstalled', `${ARTICLE}?from=singlemessage&isappinstalled=0`, ARTICLE],
    ['Alibaba spm', `${ARTICLE}?spm=a2c4g.11186623.0.0`, ARTICLE],
    ['AMP viewer usqp / amp_js_v', `${ARTICLE}?usqp=mq331AQKKAFQArABIIACAw%3D%3D&amp_js_v=0.1`, ARTICLE],
    ['VnExpress-style vn_source', `${ARTICLE}?vn_source=facebook&vn_medium=share`, ARTICLE],
    ['content parameters are kept and sorted', 'https://diendan.example/showthread.php?t=9120&page=2', 'https://diendan.example/showthread.php?page=2&t=9120'],
    ['tracking removed, content kept, order-independent', 'https://diendan.example/view.php?utm_source=x&id=7&p=2', 'https://diendan.example/view.php?id=7&p=2'],
    ['percent-encoding case', 'https://baobien.example/tin/ph%c3%ba-qu%e1%bb%91c', 'https://baobien.example/tin/ph%C3%BA-qu%E1%BB%91c'],
    ['Facebook redirector l.facebook.com/l.php?u=', `https://l.facebook.com/l.php?u=${encodeURIComponent(`${ARTICLE}?fbclid=x`)}&h=AT0abc`, ARTICLE],
    ['Facebook mobile redirector lm.facebook.com', `https://lm.facebook.com/l.php?u=${encodeURIComponent(ARTICLE)}`, ARTICLE],
    ['Google result link /url?q=', `https://www.google.com/url?q=${encodeURIComponent(ARTICLE)}&sa=U&ved=2ah`, ARTICLE],
    ['Google country domain /url?url=', `https://www.google.com.vn/url?sa=t&url=${encodeURIComponent(ARTICLE)}`, ARTICLE],
    ['Google AMP viewer /amp/s/', 'https://www.google.com/amp/s/baobien.example/amp/bien-dao/tau-ca-gap-nan-12345.html', ARTICLE],
    ['AMP cache cdn.ampproject.org/c/s/', 'https://baobien-example.cdn.ampproject.org/c/s/baobien.example/bien-dao/tau-ca-gap-nan-12345.html?amp_js_v=0.1', ARTICLE],
    ['hash-bang route is content, kept', 'https://spa.example/#!/bai-viet/42', 'https://spa.example/#!/bai-viet/42'],
    ['surrounding whitespace', `  ${ARTICLE}\n`, ARTICLE],
    ['scheme-less address', 'baobien.example/bien-dao/tau-ca-gap-nan-12345.html', ARTICLE],
    ['not a URL stays as typed', 'not a url', 'not a url'],
  ])('%s', (_name, input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = canonicalizeUrl('HTTP://M.Baobien.Example:80/amp/a/b-c-d.html/?utm_source=x&b=2&a=1#top');
    expect(canonicalizeUrl(once)).toBe(once);
  });
});

describe('isTrackingParam', () => {
  it.each([
    ['utm_source', true],
    ['UTM_Campaign', true],
    ['zarsrc', true],
    ['fbclid', true],
    ['id', false],
    ['page', false],
    ['q', false],
    ['t', false],
  ])('%s → %s', (name, expected) => {
    expect(isTrackingParam(name)).toBe(expected);
  });
});

describe('articleSlugKey', () => {
  it('joins a print view with its section URL on the same outlet', () => {
    const print = articleSlugKey(canonicalizeUrl('https://songnuoc.example/print/2025/03/04/cang-ca-moi-khanh-thanh/'));
    const section = articleSlugKey(canonicalizeUrl('https://www.songnuoc.example/kinh-te/2025/03/04/cang-ca-moi-khanh-thanh'));
    expect(print).not.toBeNull();
    expect(print).toBe(section);
  });

  it('keeps dates and language segments apart', () => {
    const a = articleSlugKey('https://songnuoc.example/2025/03/04/ban-tin-thoi-tiet-bien');
    const b = articleSlugKey('https://songnuoc.example/2025/03/05/ban-tin-thoi-tiet-bien');
    const en = articleSlugKey('https://songnuoc.example/en/new-fishing-port-opens-today');
    const vi = articleSlugKey('https://songnuoc.example/vi/new-fishing-port-opens-today');
    expect(a).not.toBe(b);
    expect(en).not.toBe(vi);
  });

  it('is null for slugs too generic to name an article', () => {
    expect(articleSlugKey('https://songnuoc.example/article.php?id=5')).toBeNull();
    expect(articleSlugKey('https://songnuoc.example/news/index')).toBeNull();
    expect(articleSlugKey('https://songnuoc.example/')).toBeNull();
  });
});
