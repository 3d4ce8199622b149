import { useTranslation } from 'react-i18next';
import { Button } from '../../atoms/Button.tsx';
import { Select } from '../../atoms/Select.tsx';
import { ADAPTER_PLATFORMS, detectPlatform, generateOrders, parseOrderJson } from '../../core/engine.ts';
import { SAMPLE_ORDERS } from '../../infrastructure/samples/sample-orders.ts';
import { useMasterData } from '../../stores/client-store.ts';
import { useDoc } from '../../stores/document-store.ts';
import {
  type OrderSource,
  useOrderSource,
  usePasted,
  useTestPlatform,
  useTestRunActions,
} from '../../stores/test-run-store.ts';

const encode = (source: OrderSource) =>
  source.kind === 'test'
    ? `test:${source.index}`
    : source.kind === 'sample'
      ? `sample:${source.name}`
      : 'paste';

function decode(value: string): OrderSource {
  if (value.startsWith('test:')) return { kind: 'test', index: Number(value.slice(5)) };
  if (value.startsWith('sample:')) return { kind: 'sample', name: value.slice(7) };
  return { kind: 'paste' };
}

function detected(text: string): string | undefined {
  try {
    return detectPlatform(parseOrderJson(text));
  } catch {
    return undefined;
  }
}

/** Which order to run: one of the strategy's own tests, a bundled sample, or a raw order pasted from a platform. */
export function OrderPicker() {
  const { t } = useTranslation();
  const doc = useDoc();
  const source = useOrderSource();
  const pasted = usePasted();
  const platform = useTestPlatform();
  const { setSource, setPasted, setPlatform } = useTestRunActions();
  const client = useMasterData();
  // A realistic raw order of this client's shops and SKUs (the engine's generator), shown as pasted text.
  const generate = () => {
    if (!client) return;
    const [order] = generateOrders({ client, count: 1, seed: String(Date.now()) });
    if (order) setPasted(JSON.stringify(order, null, 2));
  };
  const options = [
    ...(doc?.tests ?? []).map((test, i) => ({
      value: `test:${i}`,
      label: `${t('test.ownTest')}: ${test.name}`,
    })),
    ...SAMPLE_ORDERS.map((s) => ({ value: `sample:${s.name}`, label: `${t('test.sample')}: ${s.name}` })),
    { value: 'paste', label: t('test.paste') },
  ];
  const found = source.kind === 'paste' && pasted ? detected(pasted) : undefined;
  return (
    <div className="og-order-picker">
      <label className="og-field__label" htmlFor="og-order-source">
        {t('test.order')}
      </label>
      <div className="og-order-picker__source">
        <Select
          id="og-order-source"
          value={encode(source)}
          options={options}
          onChange={(v) => setSource(decode(v))}
        />
        <Button small onClick={generate} disabled={!client} data-testid="generate-order">
          {t('test.generate')}
        </Button>
      </div>
      {source.kind === 'paste' ? (
        <>
          <textarea
            className="og-input og-textarea nodrag"
            aria-label={t('test.pasteHere')}
            placeholder={t('test.pasteHere')}
            value={pasted}
            rows={8}
            onChange={(event) => setPasted(event.target.value)}
          />
          <p className="og-field__help" data-testid="detected-platform">
            {pasted
              ? found
                ? t('test.detected', { platform: t(`platform.${found}`) })
                : t('test.notDetected')
              : t('test.pasteHelp')}
          </p>
        </>
      ) : null}
      <label className="og-field__label" htmlFor="og-order-platform">
        {t('test.platform')}
      </label>
      <Select
        id="og-order-platform"
        value={platform}
        options={['auto', ...ADAPTER_PLATFORMS].map((p) => ({
          value: p,
          label: t(`platform.${p}`),
        }))}
        onChange={(v) => setPlatform(v as typeof platform)}
      />
    </div>
  );
}
