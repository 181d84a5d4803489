/** The database's name and version, apart from utils/db.ts so a script can name it without `idb`. */
export const DB_NAME = 'dm-desk';
/**
 * 1: the four stores. 2: conversations gain a `waitingSince` index (the popup reads the head of the
 * queue through it before the whole inbox).
 */
export const DB_VERSION = 2;
