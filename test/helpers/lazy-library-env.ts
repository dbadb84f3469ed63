/** The environment variable through which jest's global setup gives the suites the library's export map. */
export const LIBRARY_EXPORTS_ENV = 'HK8S_TEST_LIBRARY_EXPORTS';
