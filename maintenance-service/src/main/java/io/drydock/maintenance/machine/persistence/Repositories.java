package io.drydock.maintenance.machine.persistence;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ScheduleStateRepository extends JpaRepository<ScheduleStateEntity, Short> {

  /** {@code SELECT ... FOR UPDATE} on the single state row: every change of every replica queues here. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select s from ScheduleStateEntity s where s.id = 1")
  ScheduleStateEntity lock();
}

interface MachineRepository extends JpaRepository<MachineEntity, Long> {

  List<MachineEntity> findAllByOrderByWindowIndexAscMachineIndexAsc();
}

interface KnownMachineRepository extends JpaRepository<KnownMachineEntity, Long> {

  List<KnownMachineEntity> findAllByOrderByIdAsc();

  @Modifying
  @Query(value = "INSERT INTO known_machine (machine_key, hostname, ip, first_seen_at) VALUES (?1, ?2, ?3, now())"
      + " ON CONFLICT DO NOTHING", nativeQuery = true)
  int insertIfAbsent(String machineKey, String hostname, String ip);
}

interface InverseOfferResponseRepository extends JpaRepository<InverseOfferResponseEntity, Long> {

  List<InverseOfferResponseEntity> findByMachineIdInOrderByFrameworkIdAscAgentIdAsc(Collection<Long> machineIds);

  @Modifying
  @Query("delete from InverseOfferResponseEntity r where r.machineId in ?1")
  int deleteByMachineIds(Collection<Long> machineIds);

  /** Keeps the latest answer per (machine, framework, agent); an older answer arriving late changes nothing. */
  @Modifying
  @Query(value = "INSERT INTO inverse_offer_response"
      + " (machine_id, framework_id, agent_id, response, responded_at_nanos, event_id)"
      + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
      + " ON CONFLICT (machine_id, framework_id, agent_id) DO UPDATE SET response = EXCLUDED.response,"
      + " responded_at_nanos = EXCLUDED.responded_at_nanos, event_id = EXCLUDED.event_id"
      + " WHERE inverse_offer_response.responded_at_nanos <= EXCLUDED.responded_at_nanos",
      nativeQuery = true)
  int upsertLatest(long machineId, String frameworkId, String agentId, String response, long respondedAtNanos,
      UUID eventId);
}
