import { expect } from '@open-wc/testing';
import { ageOn } from '../src/age.js';
import { code128, code128Values, code128Widths } from '../src/code128.js';
import { keyFor, type Draft } from '../src/draft.js';
import { nikMismatch, readNik } from '../src/nik.js';
import { normalisePhone } from '../src/phone.js';

const today = new Date('2026-11-29T12:00:00+08:00');

describe('readNik', () => {
  it('reads a woman’s NIK (day + 40) and a man’s', () => {
    expect(readNik('6474015203120004', today)).to.deep.equal({ facts: { birthDate: '2012-03-12', sex: 'female' } });
    expect(readNik('6474011203120004', today)).to.deep.equal({ facts: { birthDate: '2012-03-12', sex: 'male' } });
  });

  it('puts a two-digit year in this century unless that is a later year, as the server does', () => {
    expect(readNik('6474011203900004', today)).to.deep.equal({ facts: { birthDate: '1990-03-12', sex: 'male' } });
    expect(readNik('6474011203260004', today)).to.deep.equal({ facts: { birthDate: '2026-03-12', sex: 'male' } });
    expect(readNik('6474010112260004', today).problem, '1 December 2026 is after today').to.equal('nik_date');
  });

  it('accepts spaces, dots and dashes as they are typed from a card', () => {
    expect(readNik('647401 520312 0004', today).problem).to.equal(undefined);
  });

  const refusals: [string, string, string][] = [
    ['647401520312000', 'nik_format', 'fifteen digits'],
    ['64740152031200041', 'nik_format', 'seventeen digits'],
    ['64740152031200A4', 'nik_format', 'a letter'],
    ['9974015203120004', 'nik_region', 'province 99'],
    ['6400015203120004', 'nik_region', 'regency 00'],
    ['6474005203120004', 'nik_region', 'district 00'],
    ['6474013203120004', 'nik_date', 'day 32'],
    ['6474017203120004', 'nik_date', 'day 72 (32 + 40)'],
    ['6474010013120004', 'nik_date', 'month 13'],
    ['6474013002120004', 'nik_date', '30 February'],
    ['6474010000120004', 'nik_date', 'day 0'],
    ['6474015203120000', 'nik_serial', 'serial 0000'],
  ];
  for (const [nik, problem, why] of refusals) {
    it(`refuses ${why} as ${problem}`, () => {
      expect(readNik(nik, today).problem).to.equal(problem);
    });
  }

  it('names what a NIK contradicts: birth date, sex, both, or nothing', () => {
    const facts = { birthDate: '2012-03-12', sex: 'female' as const };
    expect(nikMismatch(facts, '2012-03-12', 'female')).to.deep.equal([]);
    expect(nikMismatch(facts, '2012-03-13', 'female')).to.deep.equal(['birthDate']);
    expect(nikMismatch(facts, '2012-03-12', 'male')).to.deep.equal(['sex']);
    expect(nikMismatch(facts, '2011-01-01', 'male')).to.deep.equal(['birthDate', 'sex']);
    expect(nikMismatch(facts, '', ''), 'nothing entered yet: nothing to compare').to.deep.equal([]);
  });
});

describe('normalisePhone', () => {
  for (const written of ['0812-3456-7890', '62 812 3456 7890', '+62 812-3456-7890', '(0812) 3456.7890']) {
    it(`writes ${written} as +6281234567890`, () => {
      expect(normalisePhone(written)).to.equal('+6281234567890');
    });
  }
  for (const [written, why] of [
    ['021-7654321', 'a Jakarta landline'],
    ['0812345', 'too short'],
    ['0812345678901234', 'too long'],
    ['+6581234567', 'a Singapore number'],
  ]) {
    it(`refuses ${why}`, () => {
      expect(normalisePhone(written!)).to.equal(undefined);
    });
  }
});

describe('ageOn', () => {
  it('counts whole years, the birthday included', () => {
    expect(ageOn('2009-11-29', today)).to.equal(17);
    expect(ageOn('2009-11-30', today)).to.equal(16);
    expect(ageOn('not a date', today)).to.equal(undefined);
  });
});

describe('code128', () => {
  it('has the standard table: 107 distinct symbols of 11 modules, and the 13-module stop', () => {
    expect(code128Widths.length).to.equal(107);
    expect(new Set(code128Widths).size).to.equal(107);
    const modules = (widths: string) => [...widths].reduce((sum, digit) => sum + Number(digit), 0);
    expect(code128Widths.slice(0, 106).every((widths) => modules(widths) === 11)).to.equal(true);
    expect(code128Widths[106]).to.equal('2331112');
    expect([code128Widths[0], code128Widths[104], code128Widths[105]]).to.deep.equal(['212222', '211214', '211232']);
  });

  it('encodes a member number in subset B with its check value', () => {
    const values = code128Values('BTG-2026-000123');
    expect(values[0], 'start B').to.equal(104);
    expect(values.at(-1), 'stop').to.equal(106);
    const data = values.slice(1, -2);
    expect(data.map((value) => String.fromCharCode(value + 32)).join('')).to.equal('BTG-2026-000123');
    const check = values.slice(0, -2).reduce((sum, value, index) => sum + value * Math.max(index, 1), 0) % 103;
    expect(values.at(-2)).to.equal(check);
  });

  it('draws three bars per symbol and four for the stop, between quiet zones', () => {
    const { path, width } = code128('BTG-7Q4K');
    expect(path.match(/M/g)!.length).to.equal(3 * 10 + 4);
    expect(width).to.equal(10 + 11 * 10 + 13 + 10);
  });

  it('refuses what subset B cannot encode', () => {
    expect(() => code128Values('Nomor – é')).to.throw(RangeError);
  });
});

describe('keyFor', () => {
  it('keeps the Idempotency-Key for the same body, and takes a new one once something was corrected', () => {
    const draft: Draft = { values: {} };
    const first = keyFor(draft, '{"a":1}');
    expect(keyFor(draft, '{"a":1}')).to.equal(first);
    expect(keyFor(draft, '{"a":2}')).not.to.equal(first);
  });
});
