/**
 * A resource one test file shares (an emulator, a node wired to it): started in beforeAll, closed
 * in afterAll. The returned stand-in forwards every property to the started resource, so suites
 * can declare it at the top as a `const` and use it in every hook and test.
 */
export function suiteScoped<T extends object>(start: () => Promise<T>, close: (resource: T) => Promise<void>): T {
	let started: T | undefined;
	beforeAll(async () => {
		started = await start();
	});
	afterAll(async () => {
		if (started) await close(started);
	});
	return new Proxy({} as T, {
		get(_target, property) {
			if (!started) throw new Error('This test resource starts in beforeAll; use it inside hooks and tests.');
			const value: unknown = Reflect.get(started, property);
			return typeof value === 'function' ? value.bind(started) : value;
		},
	});
}
