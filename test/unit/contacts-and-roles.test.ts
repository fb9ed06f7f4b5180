import { describe, expect, it } from 'vitest';
import {
  normaliseEmail,
  normalisePhone,
  parseTarget,
} from '../../src/modules/accounts/contacts.js';
import {
  PERMISSIONS,
  ROLE_PERMISSIONS,
  ROLES,
  STAFF_ROLES,
  can,
  isStaffRole,
} from '../../src/shared/roles.js';

describe('normalisePhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['0086 138 0013 8000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['(+86) 138 0013 8000', '13800138000'],
    ['（138）0013-8000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['+86 １９９-１２３４-５６７８', '19912345678'],
    [' 15000001111 ', '15000001111'],
  ])('%j → %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each([
    ['010-12345678', 'Beijing landline'],
    ['021 6234 5678', 'Shanghai landline'],
    ['95188', 'short service number'],
    ['12345', 'too short'],
    ['12800138000', 'no mobile prefix 12'],
    ['10086', 'carrier short code'],
    ['138001380001', '12 digits'],
    ['1380013800', '10 digits'],
    ['+1 415 555 0100', 'foreign number'],
    ['8613800138000', '86 without + or 00'],
    ['1380013800a', 'letter'],
    ['', 'empty'],
  ])('rejects %j (%s)', (input) => {
    expect(normalisePhone(input)).toBeNull();
  });
});

describe('normaliseEmail', () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  Zhang.San@Example.COM ')).toBe('zhang.san@example.com');
    expect(normaliseEmail('a@b.cn')).toBe('a@b.cn');
  });

  it.each(['bad', 'a@b', 'a@b.c', '@b.cn', 'a b@c.cn', 'a@@b.cn', ''])('rejects %j', (input) => {
    expect(normaliseEmail(input)).toBeNull();
  });

  it('rejects addresses longer than 254 characters', () => {
    const local = 'a'.repeat(64);
    const domain = `${'b'.repeat(180)}.cn`;
    expect(normaliseEmail(`${local}@${domain}`)).toBe(`${local}@${domain}`);
    expect(normaliseEmail(`${local}@${'b'.repeat(187)}.cn`)).toBeNull();
  });
});

describe('parseTarget', () => {
  it('recognises phones first, then emails', () => {
    expect(parseTarget('+86 138-0013-8000')).toEqual({ kind: 'phone', value: '13800138000' });
    expect(parseTarget('User@Demo.CN')).toEqual({ kind: 'email', value: 'user@demo.cn' });
    expect(parseTarget('13800138000@163.com')).toEqual({
      kind: 'email',
      value: '13800138000@163.com',
    });
  });

  it('returns null for anything else', () => {
    expect(parseTarget('010-12345678')).toBeNull();
    expect(parseTarget('张三')).toBeNull();
    expect(parseTarget('')).toBeNull();
  });
});

describe('roles and permissions', () => {
  it('gives complainants the portal and filing, nothing of the console', () => {
    expect(ROLE_PERMISSIONS.complainant).toEqual(['portal.access', 'complaints.file']);
  });

  it('lets only agents, experts and supervisors work cases, and only seniors reconsider', () => {
    for (const role of ROLES) {
      expect(can(role, 'complaints.work'), role).toBe(
        ['agent', 'expert', 'supervisor'].includes(role),
      );
      expect(can(role, 'complaints.reconsider'), role).toBe(
        ['expert', 'supervisor'].includes(role),
      );
    }
  });

  it('lets only admins manage tokens and users', () => {
    for (const role of ROLES) {
      expect(can(role, 'tokens.manage'), role).toBe(role === 'admin');
      expect(can(role, 'users.manage'), role).toBe(role === 'admin');
      expect(can(role, 'catalog.manage'), role).toBe(role === 'admin');
    }
  });

  it('opens the console to every staff role and to no complainant', () => {
    for (const role of ROLES) {
      expect(can(role, 'console.access'), role).toBe(role !== 'complainant');
      expect(can(role, 'portal.access'), role).toBe(role === 'complainant');
    }
  });

  it('lets supervisors and admins read users, but not agents, experts or merchants', () => {
    expect(ROLES.filter((r) => can(r, 'users.read'))).toEqual(['supervisor', 'admin']);
    expect(can('merchant', 'catalog.view')).toBe(false);
  });

  it('uses only known permissions, without duplicates, for every role', () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) {
      const perms = ROLE_PERMISSIONS[role];
      for (const p of perms) expect(PERMISSIONS, `${role}: ${p}`).toContain(p);
      expect(new Set(perms).size, role).toBe(perms.length);
    }
  });

  it('gives admins every console permission except working cases (admins configure, not handle)', () => {
    // Handling cases, reading clear personal data, answering as a merchant, taking calls and
    // chatting with people the assistant handed over are case work, not configuration.
    const caseWork = [
      'portal.access',
      'complaints.work',
      'complaints.reconsider',
      'pii.reveal',
      'merchant.respond',
      'calls.handle',
      'assistant.chat',
    ];
    expect([...ROLE_PERMISSIONS.admin].sort()).toEqual(
      PERMISSIONS.filter((p) => !caseWork.includes(p)).sort(),
    );
  });

  it('knows the staff roles', () => {
    expect([...STAFF_ROLES]).toEqual(ROLES.filter((r) => r !== 'complainant'));
    expect(isStaffRole('agent')).toBe(true);
    expect(isStaffRole('complainant')).toBe(false);
    expect(isStaffRole('root')).toBe(false);
  });
});
