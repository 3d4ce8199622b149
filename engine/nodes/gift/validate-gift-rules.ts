import { missingReferences } from '../../client/index.ts';
import type { CompileContext } from '../../compiler/compile-context.ts';
import { findRegion } from '../../order/regions/index.ts';
import type { ContentIssue } from '../node-kind.ts';
import type { GiftRule, GiftRulesParams } from './gift-rule.schema.ts';
import { giftRulesReferences } from './gift-rules.event.ts';
import { windowIssue } from './time-window.ts';

/** What the schema cannot see: one gift source per rule, band order, windows, regions, master data. */
export function validateGiftRules(content: GiftRulesParams, context: CompileContext): ContentIssue[] {
  const issues = content.rules.flatMap((rule, r) => ruleIssues(rule, `rules[${r}]`));
  const seen = new Set<string>();
  content.rules.forEach((rule, r) => {
    if (seen.has(rule.id)) {
      issues.push({
        code: 'duplicate_id',
        path: `rules[${r}].id`,
        message: `gift rule id "${rule.id}" is used twice; caps are counted per rule id`,
      });
    }
    seen.add(rule.id);
  });
  if (context.client) {
    for (const { path, message } of missingReferences(context.client, giftRulesReferences(content))) {
      issues.push({ code: 'unknown_reference', path, message });
    }
  }
  return issues;
}

function ruleIssues(rule: GiftRule, at: string): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const { spend, regions, window } = rule.when;
  if (spend && rule.gift) {
    issues.push({
      code: 'content_invalid',
      path: `${at}.gift`,
      message: `rule "${rule.id}": give the gift per spend band or in gift, not both`,
    });
  } else if (!spend && !rule.gift) {
    issues.push({
      code: 'content_invalid',
      path: `${at}.gift`,
      message: `rule "${rule.id}": choose a gift (or spend bands with one gift each)`,
    });
  }
  const mins = spend?.bands.map((band) => band.min) ?? [];
  mins.forEach((min, b) => {
    if (mins.indexOf(min) !== b) {
      issues.push({
        code: 'content_invalid',
        path: `${at}.when.spend.bands[${b}].min`,
        message: `rule "${rule.id}": two spend bands start at ${min}`,
      });
    }
  });
  regions.forEach((region, i) => {
    if (!findRegion(region)) {
      issues.push({
        code: 'unknown_region',
        path: `${at}.when.regions[${i}]`,
        message: `rule "${rule.id}": no province, city or district is called or coded ${JSON.stringify(region)}`,
      });
    }
  });
  const badWindow = window && windowIssue(window);
  if (badWindow) {
    issues.push({
      code: 'content_invalid',
      path: `${at}.when.window`,
      message: `rule "${rule.id}": ${badWindow}`,
    });
  }
  return issues;
}
