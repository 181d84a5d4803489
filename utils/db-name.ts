/** The database's name and version, apart from utils/db.ts so a script can name it without `idb`. */
export const DB_NAME = 'dm-desk';
export const DB_VERSION = 1;
