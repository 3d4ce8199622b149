import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEvent } from '../events/event-def.ts';
import { eventsByType } from '../events/events-by-type.ts';
import { type AnyNodeKind, EVENT_TYPES, eventDef, NODE_KINDS } from './registry.ts';

const kinds = Object.values(NODE_KINDS) as AnyNodeKind[];
const unnamed = ({ en, zh }: { en: string; zh: string }) => !en.trim() || !zh.trim();

describe('the event registry, built from the node kinds', () => {
  it('holds every event type a kind declares, each under its own type', () => {
    expect(EVENT_TYPES).toEqual(
      expect.arrayContaining([
        'approve',
        'carrier',
        'extract',
        'flag',
        'gift',
        'gift.rules',
        'hold',
        'pluginAction',
        'pluginFacts',
        'remark.extract',
        'route',
        'split',
        'substitute',
        'tag',
      ]),
    );
    for (const type of EVENT_TYPES) expect(eventDef(type)?.type).toBe(type);
    expect(eventDef('nope')).toBeUndefined();
  });

  it('refuses two kinds declaring one event type', () => {
    const note = defineEvent({
      type: 'note',
      label: { en: 'Note', zh: '备注' },
      params: z.object({}),
      apply: () => {},
    });
    expect(() =>
      eventsByType([
        { kind: 'a', events: [note] },
        { kind: 'b', events: [note] },
      ]),
    ).toThrow('event type "note" is declared by both a and b');
  });

  it('knows every event type a kind emits from its default content', () => {
    const undeclared = kinds.flatMap((def) =>
      def
        .emit(def.schema.parse(def.defaults()))
        .filter(({ event }) => !eventDef(event.type))
        .map(({ event }) => `${def.kind} emits ${event.type}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('names every kind and every event type in English and Chinese', () => {
    expect(kinds.filter((def) => unnamed(def.label)).map((def) => def.kind)).toEqual([]);
    expect(EVENT_TYPES.filter((type) => unnamed(eventDef(type)!.label))).toEqual([]);
  });
});
