import * as vm from 'node:vm';

interface Intrinsics {
  Error: ErrorConstructor;
  TypeError: TypeErrorConstructor;
  Array: ArrayConstructor;
}

const HOST: Intrinsics = { Error, TypeError, Array };

/**
 * Creates errors and arrays in the realm of the script that calls the services.
 * When `globals` has been turned into a `node:vm` context, a script's `e instanceof Error` and
 * `x instanceof Array` must see that context's own intrinsics, not the host's; the intrinsics are
 * captured lazily the first time they are needed after `vm.createContext(globals)`, or bound
 * explicitly with `bind(context)` when the script's context is a copy of the globals.
 */
export class Realm {
  private intrinsics: Intrinsics | null = null;

  constructor(private readonly globals: object) {}

  /** Use the intrinsics of this vm context (when the script runs in a context other than `globals`). */
  bind(context: object): void {
    if (!vm.isContext(context)) throw new TypeError('emulator: bindContext expects a node:vm context');
    this.intrinsics = vm.runInContext('({ Error: Error, TypeError: TypeError, Array: Array })', context) as Intrinsics;
  }

  private get(): Intrinsics {
    if (this.intrinsics) return this.intrinsics;
    if (vm.isContext(this.globals)) {
      this.bind(this.globals);
      return this.intrinsics ?? HOST;
    }
    return HOST;
  }

  /** An `Error` of the script's realm. */
  error(message: string): Error {
    const E = this.get().Error;
    return new E(message);
  }

  /** A `TypeError` of the script's realm. */
  typeError(message: string): TypeError {
    const E = this.get().TypeError;
    return new E(message);
  }

  /** Copy `items` into an array of the script's realm (the same array when there is no vm). */
  array<T>(items: readonly T[]): T[] {
    const A = this.get().Array;
    if (A === Array) return items as T[];
    return A.from(items);
  }
}
