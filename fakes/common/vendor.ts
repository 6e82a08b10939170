/**
 * How a vendor fake starts: its settings (defaults + the caller's, checked), its state, and the
 * routes and error shapes it hands to the shared server.
 */
import { applyConfigPatch, type CommonFakeConfig, type ConfigCheck } from './config';
import { startFakeServer, type CrmFakeKind, type FakeRuntime, type RunningFakeServer, type ServerOptions, type VendorSpec } from './server';

/** What every vendor state offers the admin API. */
export interface VendorState {
	/** Back to the seed. */
	reset(): void;
	/** Everything stored, without secrets. */
	dump(): unknown;
	/** Pending search-index writes become visible now. */
	flushSearchIndex(): void;
}

export interface VendorDefinition<K extends CrmFakeKind, C extends CommonFakeConfig, S extends VendorState> {
	kind: K;
	/** For error messages: "Zoho", "Zendesk", "HubSpot". */
	label: string;
	defaults: () => C;
	checks: Record<string, ConfigCheck>;
	createState: (clock: () => number, config: C) => S;
	parts: (state: S, config: C, runtime: FakeRuntime) => Pick<VendorSpec<C>, 'routes' | 'adminRoutes' | 'normalisePath' | 'errors'>;
}

export type RunningVendorFake<K extends CrmFakeKind, C extends CommonFakeConfig, S extends VendorState> = RunningFakeServer<C> & { kind: K; state: S };

export interface VendorFakeOptions<C> extends ServerOptions {
	/** Settings to start with; an unknown key or a bad value rejects the start. */
	config?: Partial<C>;
}

export async function startVendorFake<K extends CrmFakeKind, C extends CommonFakeConfig, S extends VendorState>(definition: VendorDefinition<K, C, S>, options: VendorFakeOptions<C>): Promise<RunningVendorFake<K, C, S>> {
	const config = definition.defaults();
	const problems = applyConfigPatch(config, options.config ?? {}, definition.checks);
	if (problems.length > 0) throw new Error(`${definition.label} fake config: ${problems.join('; ')}`);
	let state!: S;
	const server = await startFakeServer(options, (runtime) => {
		state = definition.createState(runtime.clock, config);
		return {
			kind: definition.kind,
			config,
			configChecks: definition.checks,
			reset: () => state.reset(),
			dump: () => state.dump(),
			flushSearchIndex: () => state.flushSearchIndex(),
			...definition.parts(state, config, runtime),
		};
	});
	return { ...server, kind: definition.kind, state };
}
