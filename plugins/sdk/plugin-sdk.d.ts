// The plugin SDK as plugin authors (and the editor's Monaco, through addExtraLib) see it. Self-contained
// on purpose: no imports, so this one file gives full IntelliSense. The host-side zod schema in
// manifest.ts is what is enforced; plugins/sdk/sdk-types.test.ts keeps the two in step.

declare module '@ordergraph/plugin-sdk' {
  /** The standard order every strategy reads (a copy of engine/order/schema.ts's output type). */
  export interface StandardOrder {
    id: string;
    platform:
      | 'tmall'
      | 'taobao'
      | 'jd'
      | 'douyin'
      | 'pdd'
      | 'kuaishou'
      | 'xiaohongshu'
      | 'channels'
      | 'other';
    shop: string;
    type: 'normal' | 'presale' | 'cod' | 'exchange' | 'resend';
    status: 'pending' | 'paid' | 'shipped' | 'completed' | 'closed' | 'cancelled';
    payStatus: 'unpaid' | 'partPaid' | 'paid';
    refundStatus: RefundStatus;
    /** ISO 8601 with offset. */
    createdAt: string;
    paidAt: string | null;
    /** `refund`: refunded to the buyer so far (0 when none). */
    amounts: { total: number; paid: number; freight: number; discount: number; refund: number };
    buyer: { id: string; nick: string; memberLevel: number };
    receiver: {
      name: string;
      /** Masked as the platform sends it, e.g. 138****5678. */
      phone: string;
      province: string;
      city: string;
      district: string;
      address: string;
      provinceCode: string;
      cityCode: string;
      districtCode: string;
      /** The platform's open addressee id (TOP's oaid, Douyin's open_address_id), when it masks the receiver: orders with the same id go to one addressee. */
      oaid?: string;
    };
    buyerMessage: string;
    sellerMemo: string;
    sellerFlag: 'none' | 'red' | 'yellow' | 'green' | 'blue' | 'purple' | 'other';
    invoiceRequested: boolean;
    labels: string[];
    /** Empty when the order's source gave no line detail (an order-level export). */
    lines: OrderLine[];
    totals: { qty: number; lines: number; weightKg: number };
    issues: { code: string; field: string; message: string }[];
  }

  export type RefundStatus = 'none' | 'pending' | 'partRefunded' | 'refunded';

  export interface OrderLine {
    sku: string;
    name: string;
    qty: number;
    price: number;
    weightKg: number;
    volumeL: number;
    category: string;
    isGift: boolean;
    isPresale: boolean;
    refundStatus: RefundStatus;
  }

  /** Every dotted path a manifest may list in `reads`; through a list, the rest applies to each item. */
  export type OrderPath = PathsOf<StandardOrder>;
  type PathsOf<T> = T extends readonly (infer Item)[]
    ? PathsOf<Item>
    : T extends object
      ? { [K in keyof T & string]: K | `${K}.${PathsOf<T[K]>}` }[keyof T & string]
      : never;

  /** The order as a plugin receives it: only the fields its manifest `reads`, each possibly absent. */
  export type ProjectedOrder<Paths extends string> = Project<StandardOrder, Paths>;
  type Project<T, Paths extends string> = T extends readonly (infer Item)[]
    ? Project<Item, Paths>[]
    : {
        [K in keyof T & Head<Paths>]?: K extends Paths
          ? T[K]
          : Project<NonNullable<T[K]>, Rest<Paths, K>> | Extract<T[K], null>;
      };
  type Head<P extends string> = P extends `${infer H}.${string}` ? H : P;
  type Rest<P extends string, K extends string> = P extends `${K}.${infer R}` ? R : never;

  // The JSON-schema subset params and results are typed with.
  interface Described {
    readonly description?: string;
  }
  export interface StringSpec extends Described {
    readonly type: 'string';
    readonly enum?: readonly string[];
    readonly maxLength?: number;
  }
  export interface NumberSpec extends Described {
    readonly type: 'number';
    readonly integer?: boolean;
    readonly minimum?: number;
    readonly maximum?: number;
  }
  export interface BooleanSpec extends Described {
    readonly type: 'boolean';
  }
  export type ScalarSpec = StringSpec | NumberSpec | BooleanSpec;
  export interface ArraySpec extends Described {
    readonly type: 'array';
    readonly items: ScalarSpec;
    readonly maxItems?: number;
  }
  export type ValueSpec = ScalarSpec | ArraySpec;
  export type ParamSpec = ValueSpec & { readonly optional?: boolean };

  /** The TypeScript type of a value a spec describes. */
  export type ValueOf<S> = S extends { type: 'string'; enum: readonly (infer E)[] }
    ? E
    : S extends { type: 'string' }
      ? string
      : S extends { type: 'number' }
        ? number
        : S extends { type: 'boolean' }
          ? boolean
          : S extends { type: 'array'; items: infer I }
            ? ValueOf<I>[]
            : never;

  export type ParamsOf<Inputs> = {
    readonly [K in keyof Inputs as Inputs[K] extends { optional: true } ? never : K]: ValueOf<Inputs[K]>;
  } & {
    readonly [K in keyof Inputs as Inputs[K] extends { optional: true } ? K : never]?: ValueOf<Inputs[K]>;
  };

  interface ManifestBase {
    /** camelCase; conditions read a fact plugin's results as `plugins.<id>.<field>`. */
    readonly id: string;
    /** Semantic version; a strategy pins the version it was drawn against. */
    readonly version: string;
    readonly name: string;
    readonly description?: string;
    /** CPU budget per order you ask for; the host grants at most its own cap. */
    readonly timeoutMs?: number;
    /** Isolate heap you ask for (at least 8); the host grants at most its own cap. */
    readonly memoryMb?: number;
  }

  /** Computes values conditions can test. */
  export interface FactManifest extends ManifestBase {
    readonly kind: 'fact';
    readonly reads: readonly OrderPath[];
    readonly inputs?: Readonly<Record<string, ParamSpec>>;
    readonly outputs: Readonly<Record<string, ValueSpec>>;
  }

  /** Changes the decision: every hold and flag reason, tag and extracted field it may return is declared. */
  export interface ActionManifest extends ManifestBase {
    readonly kind: 'action';
    readonly reads: readonly OrderPath[];
    readonly inputs?: Readonly<Record<string, ParamSpec>>;
    readonly outputs: {
      readonly holds?: readonly string[];
      readonly flags?: readonly string[];
      readonly tags?: readonly string[];
      readonly extracted?: Readonly<Record<string, ValueSpec>>;
    };
  }

  /** An operator for conditions: `<fact> plugin:<id> <value>`; `run` gets both and answers true or false. */
  export interface OperatorManifest extends ManifestBase {
    readonly kind: 'operator';
    readonly inputs: { readonly fact: ValueSpec; readonly value: ValueSpec };
    readonly outputs?: { readonly type: 'boolean' };
  }

  export type PluginManifest = FactManifest | ActionManifest | OperatorManifest;

  export interface PluginContext<Params> {
    /** The params the strategy's plugin node sets, checked against `inputs`. */
    readonly params: Params;
    /** One entry of a table the host published (a stock snapshot, a price list), or null when absent. */
    lookup<T = unknown>(table: string, key: string): T | null;
  }

  export interface Note<Reason extends string> {
    reason: Reason;
    /** Shown to the person who releases the order; at most 500 characters. */
    message?: string;
  }

  type Declared<L> = L extends readonly (infer E)[] ? E : never;

  /** What an action plugin returns: a subset of what its manifest declares. */
  export interface ActionResult<O extends ActionManifest['outputs']> {
    holds?: Note<Declared<O['holds']> & string>[];
    flags?: Note<Declared<O['flags']> & string>[];
    tags?: Declared<O['tags']>[];
    extracted?: { [K in keyof O['extracted']]?: ValueOf<O['extracted'][K]> };
  }

  export type FactResult<O> = { [K in keyof O]: ValueOf<O[K]> };

  type Returns<T> = T | Promise<T>;

  /** The `run` a manifest calls for. */
  export type RunOf<M> = M extends FactManifest
    ? (
        order: ProjectedOrder<M['reads'][number]>,
        ctx: PluginContext<ParamsOf<M['inputs']>>,
      ) => Returns<FactResult<M['outputs']>>
    : M extends ActionManifest
      ? (
          order: ProjectedOrder<M['reads'][number]>,
          ctx: PluginContext<ParamsOf<M['inputs']>>,
        ) => Returns<ActionResult<M['outputs']>>
      : M extends OperatorManifest
        ? (
            operand: { fact: ValueOf<M['inputs']['fact']>; value: ValueOf<M['inputs']['value']> },
            ctx: PluginContext<Readonly<Record<string, never>>>,
          ) => Returns<boolean>
        : never;

  export interface PluginDefinition<M extends PluginManifest> {
    readonly manifest: M;
    readonly run: RunOf<M>;
  }

  /**
   * A plugin: `export default definePlugin({ manifest, run })`. The manifest's literal types flow into
   * `run`, so the order has exactly the fields `reads` names and the result is checked against `outputs`.
   */
  export function definePlugin<const M extends PluginManifest>(definition: {
    manifest: M;
    // NoInfer: M comes from the manifest alone, so `run` is always checked against the settled types.
    run: RunOf<NoInfer<M>>;
  }): PluginDefinition<M>;
}
