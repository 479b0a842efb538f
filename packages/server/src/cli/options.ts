import { CoverOriginError, coverTrust } from '../catalog/source-records.js';
import { UsageError } from './command.js';

export function portOption(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, not "${value}".`);
  }
  return port;
}

/**
 * `--cover-origins` / $PUSTAKA_COVER_ORIGINS: origins whose cover images the catalogue keeps, separated by commas
 * or spaces (paths on this server are always kept). A malformed origin is a usage error.
 */
export function coverOriginsOption(value: string | undefined): string[] {
  const origins = (value ?? '').split(/[\s,]+/).filter(Boolean);
  try {
    coverTrust(origins);
  } catch (error) {
    if (error instanceof CoverOriginError) throw new UsageError(`--cover-origins: ${error.message}`);
    throw error;
  }
  return origins;
}
