import path from 'node:path';
import { sha256Hex } from '../core/sha256';
import { homeDir, type Env } from '../core/env';

// The AWS CLI's names for the files of `aws login`, apart from their reading (loginTokenCache), as ssoCacheFiles is.

/** AWS_LOGIN_CACHE_DIRECTORY, else ~/.aws/login/cache, as botocore and the JS SDK both read it. */
export const loginCacheDir = (env: Env) => env.AWS_LOGIN_CACHE_DIRECTORY || path.join(homeDir(env), '.aws', 'login', 'cache');

/** The hex SHA-256 of the login_session value, the name botocore, the AWS CLI and the JS SDK all give the file. */
export const loginFileName = (loginSession: string) => `${sha256Hex(loginSession)}.json`;

/** How credential cache entries name the console sign-in their chain started from, so that logout takes them along. */
export const loginOrigin = (loginSession: string) => `login:${loginFileName(loginSession)}`;
