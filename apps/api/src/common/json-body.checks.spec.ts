import { MAX_BODY_DEPTH, unstorableInBody } from './json-body.checks';

describe('unstorableInBody', () => {
  it('accepts ordinary bodies, Chinese text and paired surrogates included', () => {
    expect(unstorableInBody({ title: '检验报告 😀', tags: ['a', { b: 1 }] })).toBeNull();
  });

  it('names the field holding a NUL or a lone surrogate', () => {
    expect(unstorableInBody({ title: 'a\u0000b' })?.field).toBe('title');
    expect(unstorableInBody({ impact: { scope: 'a\ud800b' } })?.field).toBe('impact.scope');
    expect(unstorableInBody({ list: ['ok', '\udc00'] })?.field).toBe('list[1]');
  });

  it('refuses nesting past the limit without recursing', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(unstorableInBody(deep)?.message).toMatch(`deeper than ${MAX_BODY_DEPTH}`);
    let fine: unknown = 'x';
    for (let i = 0; i < MAX_BODY_DEPTH - 1; i++) fine = [fine];
    expect(unstorableInBody(fine)).toBeNull();
  });
});
