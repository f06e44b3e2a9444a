//! A real S3-compatible server for deploy tests: moto's `moto_server`, started on the
//! loopback address for each test and stopped when dropped. `scripts/test` installs it;
//! elsewhere the tests skip, but never under CI=true.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use futures::TryStreamExt;
use object_store::aws::AmazonS3Builder;
use object_store::path::Path as Key;
use object_store::{Attribute, Attributes, ObjectStore, ObjectStoreExt, PutOptions};

pub const ACCESS_KEY: &str = "kabar-test-key";
/// Must never appear in what kabar prints.
pub const SECRET_KEY: &str = "s3cret-value-never-printed";
pub const BUCKET: &str = "arsip";

/// A running moto server with one bucket.
pub struct S3 {
    child: Child,
    pub port: u16,
}

/// An object as the server holds it.
#[derive(Debug, Clone)]
pub struct Object {
    pub bytes: Vec<u8>,
    pub attributes: Attributes,
}

impl Object {
    pub fn header(&self, attribute: Attribute) -> Option<String> {
        self.attributes
            .get(&attribute)
            .map(|v| v.as_ref().to_string())
    }
}

impl S3 {
    /// `None` where moto is not installed (a failure under CI=true).
    pub fn start() -> Option<S3> {
        let Some(binary) = moto_server() else {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!(
                    "CI=true but moto_server is missing: run the tests with `bash scripts/test`"
                );
            }
            eprintln!("skipped: moto_server is missing; `bash scripts/test` installs it");
            return None;
        };
        let port = free_port();
        let child = Command::new(binary)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let s3 = S3 { child, port };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "moto_server did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        s3.create_bucket();
        Some(s3)
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// moto creates a bucket on a plain `PUT /bucket`.
    fn create_bucket(&self) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(
            stream,
            "PUT /{BUCKET} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    }

    fn store(&self) -> impl ObjectStore {
        AmazonS3Builder::new()
            .with_endpoint(self.endpoint())
            .with_allow_http(true)
            .with_bucket_name(BUCKET)
            .with_region("us-east-1")
            .with_access_key_id(ACCESS_KEY)
            .with_secret_access_key(SECRET_KEY)
            .build()
            .unwrap()
    }

    /// Every object under `prefix`, by its key under it.
    pub fn objects(&self, prefix: &str) -> BTreeMap<String, Object> {
        let store = self.store();
        runtime().block_on(async {
            let listed: Vec<_> = store
                .list(Some(&Key::from(prefix)))
                .try_collect()
                .await
                .unwrap();
            let mut objects = BTreeMap::new();
            for meta in listed {
                let found = store.get(&meta.location).await.unwrap();
                let attributes = found.attributes.clone();
                let bytes = found.bytes().await.unwrap().to_vec();
                let key = meta.location.as_ref()[prefix.len()..].trim_start_matches('/');
                objects.insert(key.to_string(), Object { bytes, attributes });
            }
            objects
        })
    }

    /// Writes an object as another tool would: no digest of kabar's with it.
    pub fn put_foreign(&self, key: &str, bytes: &[u8]) {
        let store = self.store();
        runtime().block_on(async {
            store
                .put_opts(
                    &Key::from(key),
                    bytes.to_vec().into(),
                    PutOptions::default(),
                )
                .await
                .unwrap();
        });
    }

    /// A CloudFront distribution on the same server (moto answers every AWS service on one
    /// port), made with boto3, which comes with moto: its id.
    pub fn create_distribution(&self) -> String {
        self.boto3(
            "r = cf.create_distribution(DistributionConfig={'CallerReference': 'kabar', \
             'Origins': {'Quantity': 1, 'Items': [{'Id': 'o', 'DomainName': 'arsip.s3.amazonaws.com', \
             'S3OriginConfig': {'OriginAccessIdentity': ''}}]}, 'DefaultCacheBehavior': \
             {'TargetOriginId': 'o', 'ViewerProtocolPolicy': 'allow-all', 'MinTTL': 0}, \
             'Comment': '', 'Enabled': True})\nprint(r['Distribution']['Id'])",
        )
        .trim()
        .to_string()
    }

    /// The paths of every invalidation of the distribution, one invalidation a line.
    pub fn invalidations(&self, distribution: &str) -> Vec<Vec<String>> {
        let printed = self.boto3(&format!(
            "import json\nd = '{distribution}'\n\
             for i in cf.list_invalidations(DistributionId=d)['InvalidationList'].get('Items', []):\n    \
             b = cf.get_invalidation(DistributionId=d, Id=i['Id'])['Invalidation']['InvalidationBatch']\n    \
             print(json.dumps(b['Paths'].get('Items', [])))"
        ));
        printed
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
    }

    fn boto3(&self, script: &str) -> String {
        let prelude = format!(
            "import boto3\ncf = boto3.client('cloudfront', endpoint_url='{}', \
             aws_access_key_id='{ACCESS_KEY}', aws_secret_access_key='{SECRET_KEY}', \
             region_name='us-east-1')\n",
            self.endpoint()
        );
        let out = Command::new("python3")
            .args(["-c", &format!("{prelude}{script}")])
            .output()
            .unwrap();
        String::from_utf8(super::succeeded(out).stdout).unwrap()
    }

    pub fn delete(&self, key: &str) {
        let store = self.store();
        runtime().block_on(async { store.delete(&Key::from(key)).await.unwrap() });
    }
}

impl Drop for S3 {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn moto_server() -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("moto_server"))
        .find(|candidate| candidate.is_file())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A TCP relay to the server that lets `puts` PUT requests through, then drops every
/// connection and refuses new ones: the server stopped mid-deploy, as a client sees it.
pub struct Cut {
    pub port: u16,
    stopped: Arc<AtomicBool>,
}

impl Cut {
    pub fn after(s3: &S3, puts: usize) -> Cut {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let upstream = s3.port;
        let stopped = Arc::new(AtomicBool::new(false));
        let seen = Arc::new(AtomicUsize::new(0));
        let flag = Arc::clone(&stopped);
        std::thread::spawn(move || {
            for client in listener.incoming().map_while(Result::ok) {
                if flag.load(Ordering::SeqCst) {
                    let _ = client.shutdown(Shutdown::Both);
                    continue;
                }
                let server = TcpStream::connect(("127.0.0.1", upstream)).unwrap();
                relay(client, server, Arc::clone(&flag), Arc::clone(&seen), puts);
            }
        });
        Cut { port, stopped }
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn happened(&self) -> bool {
        self.stopped.load(Ordering::SeqCst)
    }
}

fn relay(
    client: TcpStream,
    server: TcpStream,
    stopped: Arc<AtomicBool>,
    seen: Arc<AtomicUsize>,
    puts: usize,
) {
    let (mut from_client, mut to_server) =
        (client.try_clone().unwrap(), server.try_clone().unwrap());
    let (mut from_server, mut to_client) = (server, client);
    let upward = Arc::clone(&stopped);
    std::thread::spawn(move || {
        let mut buffer = vec![0; 64 * 1024];
        loop {
            let read = match from_client.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            let chunk = &buffer[..read];
            let new = chunk.windows(5).filter(|w| w == b"PUT /").count();
            if upward.load(Ordering::SeqCst) || seen.fetch_add(new, Ordering::SeqCst) + new > puts {
                upward.store(true, Ordering::SeqCst);
                break;
            }
            if to_server.write_all(chunk).is_err() {
                break;
            }
        }
        let _ = from_client.shutdown(Shutdown::Both);
        let _ = to_server.shutdown(Shutdown::Both);
    });
    std::thread::spawn(move || {
        let _ = std::io::copy(&mut from_server, &mut to_client);
        let _ = to_client.shutdown(Shutdown::Both);
    });
    let _ = stopped;
}
