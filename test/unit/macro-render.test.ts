// Filling canned replies: {{name}} with optional spaces, values for the known variables, and
// everything else left as written so the agent sees what is still to fill in.
import { describe, expect, it } from 'vitest';
import { findUnknownVariables, renderMacro } from '../../src/shared/macros.js';

describe('renderMacro', () => {
  it('fills every known variable, with or without spaces inside the braces', () => {
    expect(
      renderMacro(
        '您好{{complainant}}，投诉 {{ number }}（{{type}}）已于{{today }}受理。客服{{  agent}}',
        {
          complainant: '张三',
          number: 'TS20261122-000124-8',
          type: '丢件',
          today: '2026-11-22',
          agent: '赵客服',
        },
      ),
    ).toBe('您好张三，投诉 TS20261122-000124-8（丢件）已于2026-11-22受理。客服赵客服');
  });

  it('fills the same variable each time it appears', () => {
    expect(renderMacro('{{number}} / {{number}}', { number: 'TS1' })).toBe('TS1 / TS1');
  });

  it('leaves a variable without a value, and an unknown name, as written', () => {
    expect(renderMacro('预计 {{estimate}} 前答复，{{ 编号 }}', { number: 'TS1' })).toBe(
      '预计 {{estimate}} 前答复，{{ 编号 }}',
    );
  });

  it('fills an empty value as empty', () => {
    expect(renderMacro('[{{status}}]', { status: '' })).toBe('[]');
  });

  it('does not read braces that are not a variable', () => {
    expect(renderMacro('{number} {{}} {{ }} {{a b}} {{{number}}}', { number: 'X' })).toBe(
      '{number} {{}} {{ }} {{a b}} {X}',
    );
  });

  it('does not fill variables inside a value', () => {
    expect(renderMacro('{{complainant}}', { complainant: '{{agent}}', agent: '赵' })).toBe(
      '{{agent}}',
    );
  });
});

describe('findUnknownVariables', () => {
  it('finds none in a body using only the known variables', () => {
    expect(
      findUnknownVariables(
        '{{number}}{{complainant}}{{agent}}{{category}}{{type}}{{status}}{{estimate}}{{ today }}',
      ),
    ).toEqual([]);
  });

  it('names each unknown one once, in order, including misspellings and Chinese names', () => {
    expect(findUnknownVariables('{{nmuber}} {{ 编号 }} {{nmuber}} {{Number}} {{number}}')).toEqual([
      'nmuber',
      '编号',
      'Number',
    ]);
  });

  it('ignores text that is not a variable', () => {
    expect(findUnknownVariables('单括号 {name}、空的 {{ }}、有空格的 {{a b}}')).toEqual([]);
  });
});
