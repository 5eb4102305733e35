#include <sqlite3.h>

// sqlite3_db_config is variadic, which Swift cannot call: one fixed-argument wrapper per option used.
static inline int csqlite3_no_checkpoint_on_close(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)0);
}

// More and larger lookaside slots than SQLite's default: the text an insert binds is copied into
// them instead of into malloc'd memory, a large share of the write path's time otherwise.
static inline int csqlite3_set_lookaside(sqlite3 *db, int slotSize, int slotCount) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_LOOKASIDE, (void *)0, slotSize, slotCount);
}

// Memory statistics take a global mutex on every allocation; astercdr never reads them.
// Must run before SQLite initializes, that is before the first connection opens.
static inline int csqlite3_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
