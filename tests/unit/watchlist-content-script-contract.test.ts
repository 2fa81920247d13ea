// The content script checks what it reads without zod (lib/watchlist/content-script-contract.ts);
// these tests hold those checks to the zod schemas, which stay the contract.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as messages from '@/lib/watchlist-messages';
import * as contract from '@/lib/watchlist/content-script-contract';

// Values near the schema: mostly valid, now and then broken in one place (wrong
// type, too long, bad colour), with extra keys to strip.
const mostly = <T, U>(valid: fc.Arbitrary<T>, broken: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: broken, weight: 1 });

describe('the content script contract', () => {
  it('uses the same message types and limits as the schemas', () => {
    expect(contract.WATCH_GET_HITS).toBe(messages.WATCH_GET_HITS);
    expect(contract.WATCH_JUMP).toBe(messages.WATCH_JUMP);
    expect(contract.WATCH_RESTART).toBe(messages.WATCH_RESTART);
    expect(contract.WATCH_HIT_COUNT).toBe(messages.WATCH_HIT_COUNT);
    expect(contract.WATCH_MATCH).toBe(messages.WATCH_MATCH);
    expect(contract.WATCH_PROBE).toBe(messages.WATCH_PROBE);
    expect(contract.WATCH_TEXT_LIMIT).toBe(messages.WATCH_TEXT_LIMIT);
  });

  it('reads a probe answer as the schema does; one it would refuse means watching and look closer', () => {
    const answer = fc.oneof(
      fc.record({ watching: fc.boolean(), maybe: fc.boolean(), extra: fc.nat() }, { requiredKeys: ['watching', 'maybe'] }),
      fc.record({ watching: fc.anything(), maybe: fc.anything() }),
      fc.anything(),
    );
    let valid = 0;
    fc.assert(
      fc.property(answer, (response) => {
        const parsed = messages.watchProbeResponseSchema.safeParse(response);
        if (parsed.success) valid += 1;
        expect(contract.readProbeResponse(response)).toEqual(parsed.success ? parsed.data : { watching: true, maybe: true });
      }),
      { numRuns: 2000 },
    );
    expect(valid).toBeGreaterThan(200);
  });

  it('accepts the requests and match responses the schemas accept, and gives the same values', () => {
    const request = fc.oneof(
      fc.record({ type: fc.constantFrom(messages.WATCH_GET_HITS, messages.WATCH_JUMP, messages.WATCH_RESTART, 'other'), term: fc.oneof(fc.string(), fc.constant('t'.repeat(201)), fc.integer()), extra: fc.string() }, { requiredKeys: ['type'] }),
      fc.anything(),
    );
    fc.assert(
      fc.property(request, (message) => {
        const parsed = messages.watchRequestSchema.safeParse(message);
        expect(contract.readWatchRequest(message)).toEqual(parsed.success ? parsed.data : undefined);
      }),
      { numRuns: 2000 },
    );
    const offset = fc.oneof(fc.nat(), fc.constantFrom(-1, 0.5, -0, Number.MAX_SAFE_INTEGER + 1, Infinity, NaN, '3'));
    const hit = fc.record({ term: fc.oneof(fc.string(), fc.constant('t'.repeat(201))), start: offset, end: offset, extra: fc.nat() }, { requiredKeys: ['term', 'start', 'end'] });
    const hitGroup = fc.record(
      {
        id: mostly(fc.constantFrom('sea', 'g'.repeat(80)), fc.constantFrom('', 'g'.repeat(81), 3)),
        color: mostly(fc.constantFrom('#1a2B3c', '#FFFFFF'), fc.constantFrom('#fff', 'red;}', '#1234567', 7)),
        category: mostly(fc.constantFrom('', 'sovereignty-sea-islands'), fc.constantFrom('c'.repeat(61), undefined)),
        terms: mostly(fc.array(fc.constantFrom('Hoàng Sa', 'Trường Sa', 't'.repeat(200)), { maxLength: 3 }), fc.constantFrom(['t'.repeat(201)], [3], 'Hoàng Sa')),
        extra: fc.nat(),
      },
      { requiredKeys: ['id', 'color', 'category', 'terms'] },
    );
    const response = fc.oneof(
      fc.record(
        { hits: mostly(fc.array(hit, { maxLength: 4 }), fc.constant(null)), groups: mostly(fc.array(hitGroup, { maxLength: 3 }), fc.constantFrom(null, {})), extra: fc.nat() },
        { requiredKeys: ['hits'] },
      ),
      fc.anything(),
    );
    let withGroups = 0;
    fc.assert(
      fc.property(response, (answer) => {
        const parsed = messages.watchMatchResponseSchema.safeParse(answer);
        if (parsed.success && parsed.data.groups) withGroups += 1;
        expect(contract.readMatchResponse(answer)).toEqual(parsed.success ? parsed.data : undefined);
      }),
      { numRuns: 3000 },
    );
    expect(withGroups).toBeGreaterThan(100);
  });
});
