"""customers, contact points, people, programs, sales, activity, users

Revision ID: 0001
Revises: 
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import contact_desk.store.base

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('app_user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('login', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_app_user')),
    sa.UniqueConstraint('login', name=op.f('uq_app_user_login'))
    )
    op.create_table('customer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_number', sa.String(length=32), nullable=True),
    sa.Column('first_name', sa.String(length=80), nullable=False),
    sa.Column('last_name', sa.String(length=80), nullable=False),
    sa.Column('company', sa.String(length=120), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('address_line1', sa.String(length=120), nullable=False),
    sa.Column('city', sa.String(length=80), nullable=False),
    sa.Column('state', sa.String(length=40), nullable=False),
    sa.Column('postal_code', sa.String(length=20), nullable=False),
    sa.Column('regular_amount', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('current_due_date', sa.Date(), nullable=True),
    sa.Column('payment_frequency', sa.Enum('WEEKLY', 'BIWEEKLY', 'SEMIMONTHLY', 'MONTHLY', name='paymentfrequency', native_enum=False, length=32), nullable=True),
    sa.Column('current_amount_due', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('name_key', sa.String(length=170), nullable=False),
    sa.Column('last_name_key', sa.String(length=80), nullable=False),
    sa.Column('company_key', sa.String(length=120), nullable=False),
    sa.Column('created_at', contact_desk.store.base.UtcDateTime(), nullable=False),
    sa.Column('updated_at', contact_desk.store.base.UtcDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer')),
    sa.UniqueConstraint('customer_number', name=op.f('uq_customer_customer_number'))
    )
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_company_key'), ['company_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_customer_last_name_key'), ['last_name_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_customer_name_key'), ['name_key'], unique=False)

    op.create_table('setting',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.String(length=500), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('assignment',
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('SALES', 'BDC', 'SERVICE_BDC', name='assignmentrole', native_enum=False, length=32), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_assignment_customer_id_customer'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_assignment_user_id_app_user')),
    sa.PrimaryKeyConstraint('customer_id', 'role', name=op.f('pk_assignment'))
    )
    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', contact_desk.store.base.UtcDateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('field', sa.String(length=60), nullable=False),
    sa.Column('old', sa.Text(), nullable=True),
    sa.Column('new', sa.Text(), nullable=True),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_audit_event_customer_id_customer'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_audit_event_user_id_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_event'))
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index('ix_audit_event_customer_at', ['customer_id', 'at'], unique=False)

    op.create_table('contact_attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.Enum('TEXT', 'CALL', 'EMAIL', name='channel', native_enum=False, length=32), nullable=False),
    sa.Column('outcome', sa.Enum('REACHED', 'REPLIED', 'NO_ANSWER', 'LEFT_MESSAGE', 'BOUNCED', 'WRONG_NUMBER', name='attemptoutcome', native_enum=False, length=32), nullable=False),
    sa.Column('at', contact_desk.store.base.UtcDateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_contact_attempt_customer_id_customer'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_contact_attempt_user_id_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_attempt'))
    )
    with op.batch_alter_table('contact_attempt', schema=None) as batch_op:
        batch_op.create_index('ix_contact_attempt_customer_at', ['customer_id', 'at'], unique=False)

    op.create_table('contact_person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('first_name', sa.String(length=80), nullable=False),
    sa.Column('last_name', sa.String(length=80), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('phone_extension', sa.String(length=16), nullable=False),
    sa.Column('phone_display', sa.String(length=40), nullable=False),
    sa.Column('portal_access', sa.Boolean(), nullable=False),
    sa.Column('invite_sent_at', contact_desk.store.base.UtcDateTime(), nullable=True),
    sa.Column('invite_sent_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', contact_desk.store.base.UtcDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['invite_sent_by_id'], ['app_user.id'], name=op.f('fk_contact_person_invite_sent_by_id_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_person')),
    sa.UniqueConstraint('email', name=op.f('uq_contact_person_email'))
    )
    op.create_table('contact_point',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('PHONE', 'EMAIL', name='contactkind', native_enum=False, length=32), nullable=False),
    sa.Column('type', sa.Enum('DMS_CELL', 'DMS_HOME', 'DMS_WORK', 'CUSTOMER_PHONE', 'DEALER_PHONE', 'DMS_EMAIL', 'CUSTOMER_EMAIL', 'DEALER_EMAIL', name='contactpointtype', native_enum=False, length=32), nullable=False),
    sa.Column('value', sa.String(length=254), nullable=False),
    sa.Column('extension', sa.String(length=16), nullable=False),
    sa.Column('display', sa.String(length=300), nullable=False),
    sa.Column('digits', sa.String(length=20), nullable=False),
    sa.Column('status', sa.Enum('ACTIVE', 'INACTIVE', 'INVALID', name='contactstatus', native_enum=False, length=32), nullable=False),
    sa.Column('status_date', sa.Date(), nullable=False),
    sa.Column('is_primary', sa.Boolean(), nullable=False),
    sa.Column('can_receive_texts', sa.Boolean(), nullable=False),
    sa.Column('do_not_call', sa.Boolean(), nullable=False),
    sa.Column('do_not_text', sa.Boolean(), nullable=False),
    sa.Column('text_consent', sa.Enum('NOT_ASKED', 'OPTED_IN', 'OPTED_OUT', name='textconsent', native_enum=False, length=32), nullable=False),
    sa.Column('marketing_opt_out', sa.Boolean(), nullable=False),
    sa.Column('created_at', contact_desk.store.base.UtcDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_contact_point_customer_id_customer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_point')),
    sa.UniqueConstraint('customer_id', 'kind', 'value', 'extension', name=op.f('uq_contact_point_customer_id_kind_value_extension'))
    )
    with op.batch_alter_table('contact_point', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_point_digits'), ['digits'], unique=False)
        batch_op.create_index(batch_op.f('ix_contact_point_value'), ['value'], unique=False)
        batch_op.create_index('uq_contact_point_one_primary', ['customer_id', 'kind'], unique=True, sqlite_where=sa.text('is_primary'), postgresql_where=sa.text('is_primary'))

    op.create_table('interaction_summary',
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('generated_at', contact_desk.store.base.UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_interaction_summary_customer_id_customer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('customer_id', name=op.f('pk_interaction_summary'))
    )
    op.create_table('note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', contact_desk.store.base.UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['app_user.id'], name=op.f('fk_note_author_id_app_user')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_note_customer_id_customer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_note'))
    )
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.create_index('ix_note_customer_created', ['customer_id', 'created_at'], unique=False)

    op.create_table('user_permission',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('permission', sa.Enum('EDIT_CUSTOMERS', 'ASSIGN_USERS', 'CHANGE_DEAL_SOURCE', 'MANAGE_PROGRAMS', 'RUN_SYNC', name='permission', native_enum=False, length=32), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_user_permission_user_id_app_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'permission', name=op.f('pk_user_permission'))
    )
    op.create_table('vehicle',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('vin', sa.String(length=17), nullable=False),
    sa.Column('vin_reversed', sa.String(length=17), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('make', sa.String(length=40), nullable=False),
    sa.Column('model', sa.String(length=60), nullable=False),
    sa.Column('source', sa.Enum('DMS', 'DELIVERED_DEAL', 'SERVICE_RO', 'MANUAL', 'LEAD', name='vehiclesource', native_enum=False, length=32), nullable=False),
    sa.Column('owned', sa.Boolean(), nullable=False),
    sa.Column('created_at', contact_desk.store.base.UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_vehicle_customer_id_customer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vehicle'))
    )
    with op.batch_alter_table('vehicle', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vehicle_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vehicle_vin'), ['vin'], unique=False)
        batch_op.create_index(batch_op.f('ix_vehicle_vin_reversed'), ['vin_reversed'], unique=False)

    op.create_table('verification_document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('verified_address', sa.String(length=300), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('uploaded_at', contact_desk.store.base.UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_verification_document_customer_id_customer')),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['app_user.id'], name=op.f('fk_verification_document_uploaded_by_id_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_verification_document'))
    )
    with op.batch_alter_table('verification_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_verification_document_customer_id'), ['customer_id'], unique=False)

    op.create_table('web_activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('visited_at', contact_desk.store.base.UtcDateTime(), nullable=False),
    sa.Column('last_page', sa.String(length=500), nullable=False),
    sa.Column('seconds', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_web_activity_customer_id_customer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_web_activity'))
    )
    with op.batch_alter_table('web_activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_web_activity_customer_id'), ['customer_id'], unique=False)

    op.create_table('account_contact',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('SPOUSE', 'ASSISTANT', 'BOOKKEEPER', 'VEHICLE_MANAGER', 'OTHER', name='contactrole', native_enum=False, length=32), nullable=False),
    sa.Column('role_description', sa.String(length=80), nullable=False),
    sa.Column('primary_contact', sa.Boolean(), nullable=False),
    sa.Column('created_at', contact_desk.store.base.UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_account_contact_customer_id_customer'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['contact_person.id'], name=op.f('fk_account_contact_person_id_contact_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account_contact')),
    sa.UniqueConstraint('customer_id', 'person_id', name=op.f('uq_account_contact_customer_id_person_id'))
    )
    with op.batch_alter_table('account_contact', schema=None) as batch_op:
        batch_op.create_index('uq_account_contact_one_primary', ['customer_id'], unique=True, sqlite_where=sa.text('primary_contact'), postgresql_where=sa.text('primary_contact'))

    op.create_table('deal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.Enum('NEW', 'CONTACTED', 'APPOINTMENT', 'NEGOTIATION', 'SOLD', 'DELIVERED', 'LOST', name='dealstage', native_enum=False, length=32), nullable=False),
    sa.Column('interested_vehicle_id', sa.Integer(), nullable=True),
    sa.Column('trade_in_vehicle_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(length=120), nullable=False),
    sa.Column('source_locked', sa.Boolean(), nullable=False),
    sa.Column('created_at', contact_desk.store.base.UtcDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_deal_customer_id_customer'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['interested_vehicle_id'], ['vehicle.id'], name=op.f('fk_deal_interested_vehicle_id_vehicle')),
    sa.ForeignKeyConstraint(['trade_in_vehicle_id'], ['vehicle.id'], name=op.f('fk_deal_trade_in_vehicle_id_vehicle')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deal'))
    )
    with op.batch_alter_table('deal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deal_customer_id'), ['customer_id'], unique=False)

    op.create_table('program',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('description', sa.String(length=120), nullable=False),
    sa.Column('state', sa.Enum('QUOTE', 'NOT_YET_ACTIVE', 'ACTIVE', 'CLOSED', name='programstate', native_enum=False, length=32), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('contact_person_id', sa.Integer(), nullable=True),
    sa.Column('financed_amount', sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column('created_at', contact_desk.store.base.UtcDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['contact_person_id'], ['contact_person.id'], name=op.f('fk_program_contact_person_id_contact_person')),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_program_customer_id_customer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_program')),
    sa.UniqueConstraint('number', name=op.f('uq_program_number'))
    )
    with op.batch_alter_table('program', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_program_contact_person_id'), ['contact_person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_program_customer_id'), ['customer_id'], unique=False)

    op.create_table('contact_preference',
    sa.Column('account_contact_id', sa.Integer(), nullable=False),
    sa.Column('preference', sa.Enum('SCHEDULING', 'CAR_UPDATES', 'CONTRACTS', 'INVOICES', 'ESTIMATES', 'MARKETING', name='communicationpreference', native_enum=False, length=32), nullable=False),
    sa.ForeignKeyConstraint(['account_contact_id'], ['account_contact.id'], name=op.f('fk_contact_preference_account_contact_id_account_contact'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('account_contact_id', 'preference', name=op.f('pk_contact_preference'))
    )
    op.create_table('invoice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('status', sa.Enum('OPEN', 'PAID', 'VOID', name='invoicestatus', native_enum=False, length=32), nullable=False),
    sa.Column('bill_to_name', sa.String(length=200), nullable=False),
    sa.Column('bill_to_address', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_invoice_customer_id_customer')),
    sa.ForeignKeyConstraint(['program_id'], ['program.id'], name=op.f('fk_invoice_program_id_program')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoice')),
    sa.UniqueConstraint('number', name=op.f('uq_invoice_number'))
    )
    with op.batch_alter_table('invoice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invoice_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invoice_program_id'), ['program_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('invoice', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invoice_program_id'))
        batch_op.drop_index(batch_op.f('ix_invoice_customer_id'))

    op.drop_table('invoice')
    op.drop_table('contact_preference')
    with op.batch_alter_table('program', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_program_customer_id'))
        batch_op.drop_index(batch_op.f('ix_program_contact_person_id'))

    op.drop_table('program')
    with op.batch_alter_table('deal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deal_customer_id'))

    op.drop_table('deal')
    with op.batch_alter_table('account_contact', schema=None) as batch_op:
        batch_op.drop_index('uq_account_contact_one_primary', sqlite_where=sa.text('primary_contact'), postgresql_where=sa.text('primary_contact'))

    op.drop_table('account_contact')
    with op.batch_alter_table('web_activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_web_activity_customer_id'))

    op.drop_table('web_activity')
    with op.batch_alter_table('verification_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_verification_document_customer_id'))

    op.drop_table('verification_document')
    with op.batch_alter_table('vehicle', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vehicle_vin_reversed'))
        batch_op.drop_index(batch_op.f('ix_vehicle_vin'))
        batch_op.drop_index(batch_op.f('ix_vehicle_customer_id'))

    op.drop_table('vehicle')
    op.drop_table('user_permission')
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.drop_index('ix_note_customer_created')

    op.drop_table('note')
    op.drop_table('interaction_summary')
    with op.batch_alter_table('contact_point', schema=None) as batch_op:
        batch_op.drop_index('uq_contact_point_one_primary', sqlite_where=sa.text('is_primary'), postgresql_where=sa.text('is_primary'))
        batch_op.drop_index(batch_op.f('ix_contact_point_value'))
        batch_op.drop_index(batch_op.f('ix_contact_point_digits'))

    op.drop_table('contact_point')
    op.drop_table('contact_person')
    with op.batch_alter_table('contact_attempt', schema=None) as batch_op:
        batch_op.drop_index('ix_contact_attempt_customer_at')

    op.drop_table('contact_attempt')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_event_customer_at')

    op.drop_table('audit_event')
    op.drop_table('assignment')
    op.drop_table('setting')
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_name_key'))
        batch_op.drop_index(batch_op.f('ix_customer_last_name_key'))
        batch_op.drop_index(batch_op.f('ix_customer_company_key'))

    op.drop_table('customer')
    op.drop_table('app_user')
