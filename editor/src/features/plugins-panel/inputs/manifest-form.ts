import type { PluginManifest } from '../../../infrastructure/api/plugin-api.ts';

/**
 * A plugin's inputs (its manifest's `inputs`) as form fields, and the checks the server's compiler
 * makes of a node's params, in the form's own terms so each field can say what is wrong with it.
 */

type Inputs = Extract<PluginManifest, { kind: 'fact' }>['inputs'];
type ParamSpec = Inputs[string];
type Scalar = Exclude<ParamSpec, { type: 'array' }>;

interface FieldBase {
  name: string;
  required: boolean;
  description?: string;
}
export type InputField =
  | (FieldBase & { control: 'select'; options: string[] })
  | (FieldBase & { control: 'text'; maxLength?: number })
  | (FieldBase & { control: 'number'; integer: boolean; minimum?: number; maximum?: number })
  | (FieldBase & { control: 'boolean' })
  | (FieldBase & { control: 'list'; item: InputField; maxItems?: number });

export type ParamProblem =
  | { code: 'required' }
  | { code: 'notAnOption'; options: string[] }
  | { code: 'notText' | 'notNumber' | 'notInteger' | 'notBoolean' | 'notList' }
  | { code: 'tooLong'; limit: number }
  | { code: 'belowMinimum' | 'aboveMaximum' | 'tooManyItems'; limit: number }
  | { code: 'unknownInput' };

/** The inputs a plugin of this manifest takes from its node; an operator's operands are no params. */
export function manifestInputs(manifest: PluginManifest): Inputs {
  return manifest.kind === 'operator' ? {} : manifest.inputs;
}

export function inputFields(inputs: Inputs): InputField[] {
  return Object.entries(inputs).map(([name, spec]) => fieldOf(name, spec, spec.optional !== true));
}

function fieldOf(name: string, spec: ParamSpec | Scalar, required: boolean): InputField {
  const base = { name, required, ...(spec.description ? { description: spec.description } : {}) };
  switch (spec.type) {
    case 'string':
      if (spec.enum) return { ...base, control: 'select', options: [...spec.enum] };
      return {
        ...base,
        control: 'text',
        ...(spec.maxLength !== undefined ? { maxLength: spec.maxLength } : {}),
      };
    case 'number':
      return {
        ...base,
        control: 'number',
        integer: spec.integer === true,
        ...(spec.minimum !== undefined ? { minimum: spec.minimum } : {}),
        ...(spec.maximum !== undefined ? { maximum: spec.maximum } : {}),
      };
    case 'boolean':
      return { ...base, control: 'boolean' };
    case 'array':
      return {
        ...base,
        control: 'list',
        item: fieldOf(name, spec.items, true),
        ...(spec.maxItems !== undefined ? { maxItems: spec.maxItems } : {}),
      };
  }
}

/**
 * Params a form starts from: what the node already has for fields the manifest still names, and
 * `false` for a required switch (a checkbox has no "unset"); keys the manifest dropped are left out.
 */
export function initialParams(fields: readonly InputField[], current: Record<string, unknown> = {}) {
  const params: Record<string, unknown> = {};
  for (const field of fields) {
    if (Object.hasOwn(current, field.name)) params[field.name] = current[field.name];
    else if (field.required && field.control === 'boolean') params[field.name] = false;
  }
  return params;
}

/** What is wrong with each param, by field name (and `unknownInput` for keys the manifest does not name). */
export function paramProblems(
  fields: readonly InputField[],
  params: Record<string, unknown>,
): Record<string, ParamProblem> {
  const problems: Record<string, ParamProblem> = {};
  for (const field of fields) {
    const value = params[field.name];
    if (value === undefined || value === '') {
      if (field.required) problems[field.name] = { code: 'required' };
      continue;
    }
    const problem = valueProblem(field, value);
    if (problem) problems[field.name] = problem;
  }
  for (const key of Object.keys(params)) {
    if (!fields.some((f) => f.name === key)) problems[key] = { code: 'unknownInput' };
  }
  return problems;
}

function valueProblem(field: InputField, value: unknown): ParamProblem | undefined {
  switch (field.control) {
    case 'select':
      if (typeof value !== 'string') return { code: 'notText' };
      return field.options.includes(value) ? undefined : { code: 'notAnOption', options: field.options };
    case 'text':
      if (typeof value !== 'string') return { code: 'notText' };
      return field.maxLength !== undefined && value.length > field.maxLength
        ? { code: 'tooLong', limit: field.maxLength }
        : undefined;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { code: 'notNumber' };
      if (field.integer && !Number.isInteger(value)) return { code: 'notInteger' };
      if (field.minimum !== undefined && value < field.minimum)
        return { code: 'belowMinimum', limit: field.minimum };
      if (field.maximum !== undefined && value > field.maximum)
        return { code: 'aboveMaximum', limit: field.maximum };
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : { code: 'notBoolean' };
    case 'list': {
      if (!Array.isArray(value)) return { code: 'notList' };
      if (field.maxItems !== undefined && value.length > field.maxItems) {
        return { code: 'tooManyItems', limit: field.maxItems };
      }
      for (const item of value) {
        const problem = valueProblem(field.item, item);
        if (problem) return problem;
      }
      return undefined;
    }
  }
}

/** Whether the node's build is installed: the version, another version of the plugin, or nothing of it. */
export type InstallState = 'installed' | 'versionMissing' | 'pluginMissing';

export function installState(
  installed: readonly { pluginId: string; versions: readonly string[] }[],
  pluginId: string,
  version: string,
): InstallState {
  const plugin = installed.find((p) => p.pluginId === pluginId);
  if (!plugin) return 'pluginMissing';
  return plugin.versions.includes(version) ? 'installed' : 'versionMissing';
}
