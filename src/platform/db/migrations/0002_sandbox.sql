CREATE TABLE "sandbox_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"handle" text NOT NULL,
	"display_name" text NOT NULL,
	"token_hash" text NOT NULL,
	"audience" boolean DEFAULT false NOT NULL,
	"latency_ms" integer DEFAULT 0 NOT NULL,
	"rate_limit_per_minute" integer,
	"failure_rate" double precision DEFAULT 0 NOT NULL,
	"failure_kinds" text[] DEFAULT '{rate_limit,server_error,timeout,lost_response}'::text[] NOT NULL,
	"bucket_tokens" double precision,
	"bucket_at" timestamp (3) with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_accounts_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "sandbox_accounts_org_id_uq" UNIQUE("org_id","id"),
	CONSTRAINT "sandbox_accounts_failure_rate_ck" CHECK ("sandbox_accounts"."failure_rate" >= 0 and "sandbox_accounts"."failure_rate" <= 1),
	CONSTRAINT "sandbox_accounts_latency_ck" CHECK ("sandbox_accounts"."latency_ms" >= 0),
	CONSTRAINT "sandbox_accounts_rate_limit_ck" CHECK ("sandbox_accounts"."rate_limit_per_minute" is null or "sandbox_accounts"."rate_limit_per_minute" > 0)
);
--> statement-breakpoint
CREATE TABLE "sandbox_likes" (
	"org_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_likes_post_id_account_id_pk" PRIMARY KEY("post_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "sandbox_mentions" (
	"org_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	CONSTRAINT "sandbox_mentions_post_id_account_id_pk" PRIMARY KEY("post_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "sandbox_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "sandbox_posts_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"text" text NOT NULL,
	"media" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reply_to_id" uuid,
	"direct_to_account_id" uuid,
	"idempotency_key" text,
	"impressions" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "sandbox_posts_org_id_uq" UNIQUE("org_id","id"),
	CONSTRAINT "sandbox_posts_account_key_uq" UNIQUE("account_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "sandbox_reposts" (
	"org_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_reposts_post_id_account_id_pk" PRIMARY KEY("post_id","account_id")
);
--> statement-breakpoint
ALTER TABLE "sandbox_accounts" ADD CONSTRAINT "sandbox_accounts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_likes" ADD CONSTRAINT "sandbox_likes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_likes" ADD CONSTRAINT "sandbox_likes_post_fk" FOREIGN KEY ("org_id","post_id") REFERENCES "public"."sandbox_posts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_likes" ADD CONSTRAINT "sandbox_likes_account_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."sandbox_accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_mentions" ADD CONSTRAINT "sandbox_mentions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_mentions" ADD CONSTRAINT "sandbox_mentions_post_fk" FOREIGN KEY ("org_id","post_id") REFERENCES "public"."sandbox_posts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_mentions" ADD CONSTRAINT "sandbox_mentions_account_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."sandbox_accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_posts" ADD CONSTRAINT "sandbox_posts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_posts" ADD CONSTRAINT "sandbox_posts_account_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."sandbox_accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_posts" ADD CONSTRAINT "sandbox_posts_direct_to_fk" FOREIGN KEY ("org_id","direct_to_account_id") REFERENCES "public"."sandbox_accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_posts" ADD CONSTRAINT "sandbox_posts_reply_to_fk" FOREIGN KEY ("org_id","reply_to_id") REFERENCES "public"."sandbox_posts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_reposts" ADD CONSTRAINT "sandbox_reposts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_reposts" ADD CONSTRAINT "sandbox_reposts_post_fk" FOREIGN KEY ("org_id","post_id") REFERENCES "public"."sandbox_posts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_reposts" ADD CONSTRAINT "sandbox_reposts_account_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."sandbox_accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_accounts_org_handle_uq" ON "sandbox_accounts" USING btree ("org_id",lower("handle"));--> statement-breakpoint
CREATE INDEX "sandbox_mentions_account_idx" ON "sandbox_mentions" USING btree ("org_id","account_id");--> statement-breakpoint
CREATE INDEX "sandbox_posts_account_idx" ON "sandbox_posts" USING btree ("org_id","account_id","seq");--> statement-breakpoint
CREATE INDEX "sandbox_posts_reply_to_idx" ON "sandbox_posts" USING btree ("org_id","reply_to_id");--> statement-breakpoint
CREATE INDEX "sandbox_posts_direct_to_idx" ON "sandbox_posts" USING btree ("org_id","direct_to_account_id");