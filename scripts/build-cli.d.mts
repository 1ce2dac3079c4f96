// Types of scripts/build-cli.mjs for the TypeScript that imports it (the build and the tests).
export declare const CLI_DIR: string;
export declare const CLI_ENTRY: string;
export declare function cliBundleIsFresh(): boolean;
export declare function buildCliBundle(): Promise<string>;
export declare function ensureCliBundle(): Promise<string>;
