//! Unit tests of the session table: id format, create/get/remove, expiry,
//! privileges, idle timeout rules.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use super::*;
use crate::runtime::shared::SharedObject;

const MINUTE: Duration = Duration::from_secs(60);

fn is_upper_hex(text: &str) -> bool {
    text.len() == 32 && text.bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b))
}

#[test]
fn send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Session>();
    check::<SessionTable>();
    check::<SessionId>();
    check::<Roles>();
}

#[test]
fn id_format() {
    let ids: Vec<SessionId> = (0..1000).map(|_| SessionId::random()).collect();
    for id in &ids {
        assert!(is_upper_hex(id.as_str()), "{id}");
        assert_eq!(id.to_string(), id.as_str());
        // A version 4 uuid: the 13th digit is 4, the 17th one of 8, 9, A, B.
        assert_eq!(id.as_str().as_bytes()[12], b'4', "{id}");
        assert!(b"89AB".contains(&id.as_str().as_bytes()[16]), "{id}");
        assert_eq!(SessionId::parse(id.as_str()), Some(*id));
    }
    let mut distinct: Vec<u128> = ids.iter().map(SessionId::as_u128).collect();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), ids.len());
    assert_eq!(SessionId::from_u128(0).as_str(), "00000000000000000000000000000000");
    assert_eq!(SessionId::from_u128(u128::MAX).as_str(), "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF");
    let id = SessionId::from_u128(0x3C81A8D7AFE64C2E9CCFFCDC35DC52F5);
    assert_eq!(id.as_str(), "3C81A8D7AFE64C2E9CCFFCDC35DC52F5");
    assert_eq!(format!("{id:?}"), "SessionId(3C81A8D7AFE64C2E9CCFFCDC35DC52F5)");
}

#[test]
fn id_parse() {
    let id = SessionId::parse("3C81A8D7AFE64C2E9CCFFCDC35DC52F5").unwrap();
    assert_eq!(id.as_u128(), 0x3C81A8D7AFE64C2E9CCFFCDC35DC52F5);
    assert_eq!(SessionId::parse("3c81a8d7afe64c2e9ccffcdc35dc52f5"), Some(id));
    assert_eq!("3c81A8D7afe64c2e9ccffcdc35dc52f5".parse::<SessionId>(), Ok(id));
    for bad in [
        "",
        "3C81A8D7AFE64C2E9CCFFCDC35DC52F",
        "3C81A8D7AFE64C2E9CCFFCDC35DC52F55",
        "3C81A8D7-AFE6-4C2E-9CCF-FCDC35DC52F5",
        "{3C81A8D7AFE64C2E9CCFFCDC35DC52F5}",
        " 3C81A8D7AFE64C2E9CCFFCDC35DC52F5",
        "+3C81A8D7AFE64C2E9CCFFCDC35DC52F",
        "3C81A8D7AFE64C2E9CCFFCDC35DC52G5",
        "3C81A8D7AFE64C2E9CCFFCDC35DC5ééé",
    ] {
        assert_eq!(SessionId::parse(bad), None, "{bad:?}");
        assert_eq!(bad.parse::<SessionId>(), Err(ParseSessionIdError), "{bad:?}");
    }
}

#[test]
fn kind_names() {
    assert_eq!(SessionKind::Standalone.name(), "standalone");
    assert_eq!(SessionKind::StoredProcedures.name(), "storedProcedure");
    assert_eq!(SessionKind::Web.name(), "web");
    assert_eq!(SessionKind::Remote.name(), "remote");
}

#[test]
fn create_get_remove() {
    let table = SessionTable::new();
    assert!(table.is_empty());
    let a = table.create(SessionKind::Standalone, "designer");
    let b = table.create(SessionKind::Web, "");
    assert_eq!(table.len(), 2);
    assert!(!table.is_empty());
    assert_ne!(a.id, b.id);
    assert_eq!(a.kind, SessionKind::Standalone);
    assert_eq!(&*a.user_name(), "designer");

    let found = table.get(a.id.as_str()).unwrap();
    assert!(Arc::ptr_eq(&found, &a));
    assert!(Arc::ptr_eq(&table.get(&a.id.as_str().to_lowercase()).unwrap(), &a));
    assert!(Arc::ptr_eq(&table.get_by_id(&b.id).unwrap(), &b));
    assert!(table.get("00000000000000000000000000000000").is_none());
    assert!(table.get("not an id").is_none());

    let removed = table.remove(&a.id).unwrap();
    assert!(Arc::ptr_eq(&removed, &a));
    assert!(table.get(a.id.as_str()).is_none());
    assert!(table.remove(&a.id).is_none());
    assert_eq!(table.len(), 1);
}

#[test]
fn storage() {
    let table = SessionTable::new();
    let a = table.create(SessionKind::StoredProcedures, "Designer");
    let b = table.create(SessionKind::StoredProcedures, "Designer");
    assert!(a.storage.is_storage());
    assert!(a.storage.is_empty());
    assert!(Arc::ptr_eq(&table.get(a.id.as_str()).unwrap().storage, &a.storage));
    assert!(!Arc::ptr_eq(&a.storage, &b.storage));
}

#[test]
fn sessions_snapshot() {
    let table = SessionTable::new();
    let start = SystemTime::now();
    let made: Vec<_> =
        (0..10u32).map(|i| table.create_at(SessionKind::Remote, "u", start + Duration::from_secs(i.into()))).collect();
    let listed = table.sessions();
    assert_eq!(listed.len(), 10);
    for (made, listed) in made.iter().zip(&listed) {
        assert!(Arc::ptr_eq(made, listed));
    }
}

#[test]
fn only_web_sessions_expire() {
    let table = SessionTable::new();
    let t0 = SystemTime::now();
    let web = table.create_at(SessionKind::Web, "", t0);
    let others: Vec<_> = [SessionKind::Standalone, SessionKind::StoredProcedures, SessionKind::Remote]
        .into_iter()
        .map(|kind| table.create_at(kind, "designer", t0))
        .collect();
    assert_eq!(web.expires_at(), Some(t0_millis(t0) + 60 * MINUTE));
    for session in &others {
        assert_eq!(session.expires_at(), None);
    }

    // A lookup at 59 minutes touches the web session: it now expires at 119.
    let t59 = t0 + 59 * MINUTE;
    assert!(table.get_at(&web.id, t59).is_some());
    assert_eq!(web.last_use(), t0_millis(t59));
    assert_eq!(table.expire(t0 + 118 * MINUTE), 0);
    assert!(!web.is_expired(t0 + 118 * MINUTE));
    assert!(web.is_expired(t0 + 119 * MINUTE));
    assert_eq!(table.expire(t0 + 119 * MINUTE), 1);
    assert!(table.get_by_id(&web.id).is_none());

    // Standalone, stored-procedures and remote sessions live for the run.
    let far = t0 + 100_000 * 24 * 60 * MINUTE;
    assert_eq!(table.expire(far), 0);
    for session in &others {
        assert!(!session.is_expired(far));
        assert!(table.get_at(&session.id, far).is_some());
    }
    assert_eq!(table.len(), 3);
}

#[test]
fn expired_session_is_removed_on_lookup() {
    let table = SessionTable::new();
    let t0 = SystemTime::now();
    let web = table.create_at(SessionKind::Web, "", t0);
    assert!(table.get_at(&web.id, t0 + 60 * MINUTE).is_none());
    assert_eq!(table.len(), 0);
    // Even looked up at an earlier time now, it is gone.
    assert!(table.get_at(&web.id, t0).is_none());
}

#[test]
fn expired_storage_is_freed() {
    let table = SessionTable::new();
    let t0 = SystemTime::now();
    let web = table.create_at(SessionKind::Web, "", t0);
    let storage = Arc::downgrade(&web.storage);
    let kept = table.create_at(SessionKind::Web, "", t0);
    kept.set_idle_timeout(120);
    drop(web);
    assert!(storage.upgrade().is_some());
    assert_eq!(table.expire(t0 + 61 * MINUTE), 1);
    assert!(storage.upgrade().is_none(), "the storage of an expired session is freed");
    assert!(table.get_at(&kept.id, t0 + 61 * MINUTE).is_some());

    // A process still holding its session keeps the storage until it lets go.
    let held = table.create_at(SessionKind::Web, "", t0);
    let storage = Arc::downgrade(&held.storage);
    assert!(table.get_at(&held.id, t0 + 61 * MINUTE).is_none());
    assert!(storage.upgrade().is_some());
    drop(held);
    assert!(storage.upgrade().is_none());
}

#[test]
fn idle_timeout_rules() {
    let table = SessionTable::new();
    let t0 = SystemTime::now();
    let web = table.create_at(SessionKind::Web, "", t0);
    assert_eq!(web.idle_timeout(), DEFAULT_IDLE_TIMEOUT);
    assert_eq!(DEFAULT_IDLE_TIMEOUT, 60);
    for (asked, set) in [(30, 60), (0, 60), (-5, 60), (59, 60), (60, 60), (61, 61), (120, 120)] {
        assert_eq!(web.set_idle_timeout(asked), set, "{asked}");
        assert_eq!(web.idle_timeout(), set);
    }
    assert_eq!(web.set_idle_timeout(i64::MAX), MAX_IDLE_TIMEOUT);
    assert_eq!(MAX_IDLE_TIMEOUT, 2_147_483_647);
    // The expiration date moves with the timeout.
    web.set_idle_timeout(90);
    assert_eq!(web.expires_at(), Some(t0_millis(t0) + 90 * MINUTE));
    assert!(!web.is_expired(t0 + 89 * MINUTE));
    assert!(web.is_expired(t0 + 90 * MINUTE));
}

#[test]
fn touch_never_goes_back() {
    let table = SessionTable::new();
    let t0 = SystemTime::now();
    let session = table.create_at(SessionKind::Web, "", t0);
    session.touch_at(t0 + 10 * MINUTE);
    session.touch_at(t0 + 5 * MINUTE);
    assert_eq!(session.last_use(), t0_millis(t0) + 10 * MINUTE);
    session.touch();
    assert!(session.last_use() >= t0_millis(t0));
}

#[test]
fn privileges() {
    let table = SessionTable::new();
    let web = table.create(SessionKind::Web, "");
    assert!(web.is_guest());
    assert!(web.privileges().is_empty());
    assert!(!web.has_privilege("admin"));

    web.set_privileges(["simple", "medium", "simple"]);
    assert!(!web.is_guest());
    assert_eq!(web.privileges(), ["simple", "medium"]);
    assert!(web.has_privilege("medium"));
    assert!(!web.has_privilege("Medium"), "names are compared exactly");

    web.set_privileges(vec!["admin".to_string()]);
    assert_eq!(web.privileges(), ["admin"]);
    web.add_privileges(["viewer", "admin"]);
    assert_eq!(web.privileges(), ["admin", "viewer"]);

    web.clear_privileges();
    assert!(web.privileges().is_empty());
    assert!(!web.has_privilege("admin"));
    assert!(!web.is_guest(), "a guest until privileges are first set");

    // Only web sessions are ever guests.
    for kind in [SessionKind::Standalone, SessionKind::StoredProcedures, SessionKind::Remote] {
        assert!(!table.create(kind, "designer").is_guest());
    }
}

#[test]
fn user_name() {
    let table = SessionTable::new();
    let web = table.create(SessionKind::Web, "");
    assert_eq!(&*web.user_name(), "");
    web.set_user_name("Ann");
    assert_eq!(&*table.get(web.id.as_str()).unwrap().user_name(), "Ann");
}

#[test]
fn singletons_first_one_wins() {
    let table = SessionTable::new();
    let session = table.create(SessionKind::Standalone, "designer");
    assert!(session.singleton(3).is_none());
    let first = SharedObject::new_instance(3);
    let kept = session.insert_singleton(3, Arc::clone(&first));
    assert!(Arc::ptr_eq(&kept, &first));
    let kept = session.insert_singleton(3, SharedObject::new_instance(3));
    assert!(Arc::ptr_eq(&kept, &first));
    assert!(Arc::ptr_eq(&session.singleton(3).unwrap(), &first));
    let other = table.create(SessionKind::Standalone, "designer");
    assert!(other.singleton(3).is_none());
}

/// `time` cut to whole milliseconds, as the table keeps times.
fn t0_millis(time: SystemTime) -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_millis(super::entry::millis(time))
}

#[test]
fn otp_single_use() {
    let table = SessionTable::new();
    let web = table.create(SessionKind::Web, "");
    let other = table.create(SessionKind::Web, "");
    let token = table.create_otp(&web, 60);
    assert!(is_upper_hex(token.as_str()));
    assert_ne!(token, web.id);
    let second = table.create_otp(&web, 60);
    assert_ne!(token, second);
    assert_eq!(table.otp_count(), 2);
    let found = table.take_otp(token.as_str()).unwrap();
    assert!(Arc::ptr_eq(&found, &web));
    assert!(table.take_otp(token.as_str()).is_none(), "a token is used once");
    // Any case, as ids are read.
    assert!(Arc::ptr_eq(&table.take_otp(&second.as_str().to_lowercase()).unwrap(), &web));
    assert_eq!(table.otp_count(), 0);
    // Unknown tokens, texts that are no token, a session's own id.
    assert!(table.take_otp(other.id.as_str()).is_none());
    assert!(table.take_otp("not a token").is_none());
    assert!(table.take_otp("").is_none());
    // A desktop session's token brings a web request to it (spec §6.3).
    let standalone = table.create(SessionKind::Standalone, "designer");
    let token = table.create_otp(&standalone, 0);
    assert!(Arc::ptr_eq(&table.take_otp(token.as_str()).unwrap(), &standalone));
}

#[test]
fn otp_expiry() {
    let table = SessionTable::new();
    let t0 = SystemTime::now();
    let web = table.create_at(SessionKind::Web, "", t0);
    // Lifespans below 10 seconds are raised to 10.
    let short = table.create_otp_at(&web, 3, t0);
    let long = table.create_otp_at(&web, 120, t0);
    let tried = table.create_otp_at(&web, 120, t0);
    assert!(table.take_otp_at(&short, t0 + Duration::from_secs(9)).is_some());
    let short = table.create_otp_at(&web, 3, t0);
    assert!(table.take_otp_at(&short, t0 + Duration::from_secs(10)).is_none(), "expired token");
    assert!(table.take_otp_at(&short, t0).is_none(), "an expired token is used up too");
    assert!(table.take_otp_at(&long, t0 + Duration::from_secs(119)).is_some());
    assert!(table.take_otp_at(&tried, t0 + Duration::from_secs(120)).is_none());
    // The sweep drops expired tokens and keeps the others.
    let kept = table.create_otp_at(&web, 600, t0);
    let dropped = table.create_otp_at(&web, 10, t0);
    assert_eq!(table.otp_count(), 2);
    assert_eq!(table.expire(t0 + Duration::from_secs(30)), 0);
    assert_eq!(table.otp_count(), 1);
    assert!(table.take_otp_at(&dropped, t0 + Duration::from_secs(5)).is_none());
    assert!(table.take_otp_at(&kept, t0 + Duration::from_secs(30)).is_some());
}

#[test]
fn otp_of_expired_or_removed_session() {
    let table = SessionTable::new();
    let t0 = SystemTime::now();
    let web = table.create_at(SessionKind::Web, "", t0);
    // The token outlives the session's idle timeout: the session is refused.
    let token = table.create_otp_at(&web, 2 * 3600, t0);
    assert!(table.take_otp_at(&token, t0 + 61 * MINUTE).is_none(), "expired session");
    assert!(table.get_by_id(&web.id).is_none(), "and removed");
    // A removed session's token restores nothing, and the sweep drops it.
    let gone = table.create_at(SessionKind::Remote, "u", t0);
    let token = table.create_otp_at(&gone, 3600, t0);
    let other = table.create_otp_at(&gone, 3600, t0);
    table.remove(&gone.id);
    assert!(table.take_otp_at(&token, t0).is_none());
    assert_eq!(table.otp_count(), 1);
    table.expire(t0);
    assert_eq!(table.otp_count(), 0);
    assert!(table.take_otp_at(&other, t0).is_none());
    // Using a token touches its session.
    let web = table.create_at(SessionKind::Web, "", t0);
    let token = table.create_otp_at(&web, 3600, t0);
    assert!(table.take_otp_at(&token, t0 + 30 * MINUTE).is_some());
    assert_eq!(web.last_use(), t0_millis(t0 + 30 * MINUTE));
}
