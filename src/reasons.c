/* reasons.c - The engine's reason codes and the labels that say them in words. */
#include "reasons.h"

label_id reason_my_status_label(my_status st)
{
    switch (st) {
    case MY_ONE_YEAR:        return L_MY_ONE_YEAR;
    case MY_HONOURED:        return L_MY_HONOURED;
    case MY_NO_GRANT:        return L_MY_NO_GRANT;
    case MY_TOO_YOUNG:       return L_MY_TOO_YOUNG;
    case MY_AGE_UNKNOWN:     return L_MY_AGE_UNKNOWN;
    case MY_NOT_EXCEPTIONAL: return L_MY_NOT_EXCEPTIONAL;
    case MY_CAP:             return L_MY_CAP;
    case MY_SET_ASIDE:       return L_MY_SET_ASIDE;
    }
    return L_MY_ONE_YEAR;
}

label_id reason_reserve_label(my_reserve_kind kind)
{
    return kind == MY_RESERVE_AGREEMENT ? L_RES_AGREEMENT : L_RES_MULTIYEAR;
}

int reason_reserve_text(const pool *p, const my_reserved *r, char *buf, size_t size)
{
    if (r->kind == MY_RESERVE_AGREEMENT)
        return label_format(buf, size, L_RES_AGREEMENT, r->association, r->first, r->last);
    return label_format(buf, size, L_RES_MULTIYEAR, pool_short_name(p), r->first);
}
