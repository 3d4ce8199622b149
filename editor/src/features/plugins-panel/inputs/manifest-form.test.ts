import { describe, expect, it } from 'vitest';
import type { PluginManifest } from '../../../infrastructure/api/plugin-api.ts';
import { initialParams, inputFields, installState, manifestInputs, paramProblems } from './manifest-form.ts';

const manifest: PluginManifest = {
  kind: 'fact',
  id: 'remarkUrgency',
  version: '1.0.0',
  name: 'Remark urgency',
  reads: ['buyerMessage'],
  inputs: {
    level: { type: 'string', enum: ['low', 'high'], description: 'how eager' },
    note: { type: 'string', maxLength: 5, optional: true },
    threshold: { type: 'number', integer: true, minimum: 0, maximum: 10 },
    strict: { type: 'boolean' },
    words: { type: 'array', items: { type: 'string', enum: ['急', '快'] }, maxItems: 2, optional: true },
  },
  outputs: { urgent: { type: 'boolean' } },
};

describe('a manifest’s inputs as a form', () => {
  const fields = inputFields(manifestInputs(manifest));

  it('gives each input the control its type calls for, required unless optional', () => {
    expect(fields).toEqual([
      {
        name: 'level',
        required: true,
        description: 'how eager',
        control: 'select',
        options: ['low', 'high'],
      },
      { name: 'note', required: false, control: 'text', maxLength: 5 },
      { name: 'threshold', required: true, control: 'number', integer: true, minimum: 0, maximum: 10 },
      { name: 'strict', required: true, control: 'boolean' },
      {
        name: 'words',
        required: false,
        control: 'list',
        maxItems: 2,
        item: { name: 'words', required: true, control: 'select', options: ['急', '快'] },
      },
    ]);
  });

  it('takes no params for an operator plugin', () => {
    const operator: PluginManifest = {
      kind: 'operator',
      id: 'near',
      version: '1.0.0',
      name: 'near',
      inputs: { fact: { type: 'string' }, value: { type: 'string' } },
      outputs: { type: 'boolean' },
    };
    expect(inputFields(manifestInputs(operator))).toEqual([]);
  });

  it('starts from the node’s params the manifest still names, a required switch off', () => {
    expect(initialParams(fields, { level: 'high', gone: 1 })).toEqual({ level: 'high', strict: false });
  });

  it('names what is wrong with each param, as the server’s compiler would refuse it', () => {
    expect(paramProblems(fields, {})).toEqual({
      level: { code: 'required' },
      threshold: { code: 'required' },
      strict: { code: 'required' },
    });
    expect(
      paramProblems(fields, {
        level: 'medium',
        note: 'too long',
        threshold: 2.5,
        strict: 'yes',
        words: ['急', '慢'],
        extra: 1,
      }),
    ).toEqual({
      level: { code: 'notAnOption', options: ['low', 'high'] },
      note: { code: 'tooLong', limit: 5 },
      threshold: { code: 'notInteger' },
      strict: { code: 'notBoolean' },
      words: { code: 'notAnOption', options: ['急', '快'] },
      extra: { code: 'unknownInput' },
    });
    expect(paramProblems(fields, { level: 'low', threshold: 11, strict: true })).toEqual({
      threshold: { code: 'aboveMaximum', limit: 10 },
    });
    expect(
      paramProblems(fields, { level: 'low', threshold: -1, strict: true, words: ['急', '快', '急'] }),
    ).toEqual({
      threshold: { code: 'belowMinimum', limit: 0 },
      words: { code: 'tooManyItems', limit: 2 },
    });
    expect(paramProblems(fields, { level: 'low', threshold: 3, strict: false, note: '' })).toEqual({});
  });

  it('tells an installed build from a missing version and a missing plugin', () => {
    const installed = [{ pluginId: 'remarkUrgency', versions: ['1.0.0', '1.1.0'] }];
    expect(installState(installed, 'remarkUrgency', '1.1.0')).toBe('installed');
    expect(installState(installed, 'remarkUrgency', '2.0.0')).toBe('versionMissing');
    expect(installState(installed, 'other', '1.0.0')).toBe('pluginMissing');
  });
});
